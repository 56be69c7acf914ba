package dev.portal.identity.signup;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of the signup and account-link sagas: who signs up, which Account and WHMCS client they get, and what
 * the later steps need. The user id is chosen before the saga starts, so every step and event knows it.
 *
 * @param passwordHash    the new portal password (Argon2id) in sagas started before submissions were kept apart;
 *                        null in later ones, whose password lives in the newest {@link Submission} until the user exists
 * @param whmcsClientId   null until the WHMCS client is created (signup) or the existing one is proven (link)
 * @param existingClient  an account link (the WHMCS client existed before) rather than a new customer
 * @param registeredAt    when the portal user was created; null before
 */
public record Registration(UUID userId, String email, String customerNumber, String sfAccountId, String firstName,
                           String lastName, String phone, SignupRequest.Address address, String passwordHash,
                           Integer whmcsClientId, boolean existingClient, Instant registeredAt) {

    Registration withWhmcsClient(long clientId) {
        return new Registration(userId, email, customerNumber, sfAccountId, firstName, lastName, phone, address, passwordHash,
                Math.toIntExact(clientId), existingClient, registeredAt);
    }

    /** The newest submission's password and contact data in place of what the saga stored first. */
    Registration with(Submission newest) {
        return new Registration(userId, email, customerNumber, sfAccountId, newest.firstName(), newest.lastName(),
                newest.phone() != null ? newest.phone() : phone, newest.address() != null ? newest.address() : address,
                newest.passwordHash(), whmcsClientId, existingClient, registeredAt);
    }

    /** The user exists: the password hash has done its work and leaves the saga's data. */
    Registration registered(Instant at) {
        return new Registration(userId, email, customerNumber, sfAccountId, firstName, lastName, phone, address, null,
                whmcsClientId, existingClient, at);
    }

    @Override
    public String toString() {
        return "Registration[" + userId + ", " + customerNumber + "]";
    }
}
