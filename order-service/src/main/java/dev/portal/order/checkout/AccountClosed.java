package dev.portal.order.checkout;

import dev.portal.platform.errors.Conflict;

/** The customer's billing account is closed: it takes no new orders. */
final class AccountClosed extends Conflict {

    AccountClosed() {
        super("account-closed", "Account closed", "Your customer account is closed and cannot take new orders.");
    }
}
