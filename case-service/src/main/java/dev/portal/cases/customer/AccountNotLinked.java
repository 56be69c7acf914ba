package dev.portal.cases.customer;

import dev.portal.platform.errors.Conflict;

/** The caller's portal user has no Salesforce Account yet: there are no cases to show or open. */
class AccountNotLinked extends Conflict {

    AccountNotLinked() {
        super("account-not-linked", "Account not linked", "Your portal account is not linked to a customer account yet.");
    }
}
