package dev.portal.identity.tokens;

import dev.portal.platform.errors.NotAuthenticated;

/** A valid token whose user no longer exists: the caller is not anyone any more. */
class AccountGone extends NotAuthenticated {

    AccountGone() {
        super("unauthenticated", "Unauthenticated", "The account of this token no longer exists.");
    }
}
