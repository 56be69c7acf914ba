package dev.portal.identity.users;

import dev.portal.platform.errors.NotAuthenticated;

/** An email and password (portal or WHMCS) that do not match; the same answer whether the email exists or not. */
public class InvalidCredentials extends NotAuthenticated {

    public InvalidCredentials() {
        super("invalid-credentials", "Invalid credentials", "The email or the password is wrong.");
    }
}
