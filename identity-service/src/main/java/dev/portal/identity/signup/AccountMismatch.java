package dev.portal.identity.signup;

import dev.portal.platform.errors.RuleViolation;

/** A link names a WHMCS client whose email is not a contact email of the customer number's Salesforce Account. */
public class AccountMismatch extends RuleViolation {

    AccountMismatch() {
        super("account-mismatch", "Account mismatch",
                "This billing account does not belong to that customer number. Check the customer number, or contact support.");
    }
}
