package dev.portal.billing.customer;

import dev.portal.platform.errors.Conflict;

/** The caller's portal account has no WHMCS client yet, so there is no billing data to show. */
public class AccountNotLinked extends Conflict {

    public AccountNotLinked() {
        super("account-not-linked", "Account not linked", "Your portal account is not linked to a billing account yet.");
    }
}
