package dev.portal.identity.signup;

import dev.portal.platform.errors.Conflict;

/** The email is already a portal user. */
public class EmailTaken extends Conflict {

    public EmailTaken() {
        super("email-taken", "Email taken", "This email already has a portal account. Log in instead.");
    }
}
