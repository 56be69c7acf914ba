package dev.portal.identity.profile;

import dev.portal.platform.errors.Conflict;

/** The user has no WHMCS client yet, so no profile or address to read or change. */
class AccountNotLinked extends Conflict {

    AccountNotLinked() {
        super("account-not-linked", "Conflict",
                "This account is not linked to a customer account yet, so it has no profile or address.");
    }
}
