package dev.portal.identity.signup;

import dev.portal.platform.errors.Conflict;

/** The customer's Salesforce Account or WHMCS client already has a portal user. */
public class AlreadyLinked extends Conflict {

    public AlreadyLinked() {
        super("already-linked", "Already linked", "This customer already has a portal account. Log in, or reset the password.");
    }
}
