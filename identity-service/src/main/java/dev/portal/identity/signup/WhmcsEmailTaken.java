package dev.portal.identity.signup;

import dev.portal.platform.errors.Conflict;

/** The email belongs to a WHMCS client another signup did not create: that customer links instead. */
public class WhmcsEmailTaken extends Conflict {

    public WhmcsEmailTaken() {
        super("whmcs-email-taken", "WHMCS email taken", "This email already belongs to a customer account. Link it instead of signing up.");
    }
}
