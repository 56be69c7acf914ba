package dev.portal.wishlist.groups;

import dev.portal.platform.errors.Conflict;

/** A subscription pays for one group only. */
final class SubscriptionAlreadyBound extends Conflict {

    SubscriptionAlreadyBound() {
        super("subscription-already-bound", "Conflict", "That subscription already pays for another group.");
    }
}
