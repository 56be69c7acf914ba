package dev.portal.wishlist.subscriptions;

/** A subscription that passed the checks of the seed's step 2: its local id and the plan's wishlist quota. */
public record UsableSubscription(long id, int quota) {
}
