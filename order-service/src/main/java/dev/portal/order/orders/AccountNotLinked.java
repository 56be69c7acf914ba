package dev.portal.order.orders;

import dev.portal.platform.errors.Conflict;

/** The caller's portal account has no WHMCS client and Salesforce Account linked to it: there is nothing to order for. */
public final class AccountNotLinked extends Conflict {

    AccountNotLinked() {
        super("account-not-linked", "Account not linked",
                "Your portal account is not linked to a customer account yet, so it has no orders.");
    }
}
