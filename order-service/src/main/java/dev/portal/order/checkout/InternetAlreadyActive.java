package dev.portal.order.checkout;

import dev.portal.platform.errors.Conflict;

/** An Internet service can be ordered only while the customer has no active one. */
final class InternetAlreadyActive extends Conflict {

    InternetAlreadyActive() {
        super("internet-already-active", "Internet service already active",
                "You already have an active Internet service; a second one cannot be ordered.");
    }
}
