package dev.portal.identity.signup;

/**
 * What the customer submitted last for a signup (or account link) whose portal user does not exist yet: it wins over
 * what an earlier attempt stored in the saga, so a retry's password and contact data are the ones the account gets.
 *
 * @param passwordHash the portal password (Argon2id)
 */
record Submission(String firstName, String lastName, String phone, SignupRequest.Address address, String passwordHash) {

    @Override
    public String toString() {
        return "Submission[(hidden)]";
    }
}
