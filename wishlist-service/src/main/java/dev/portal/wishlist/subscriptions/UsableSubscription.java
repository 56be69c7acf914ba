package dev.portal.wishlist.subscriptions;

/** A subscription that passed the checks for creating a wishlist: its local id and the plan's wishlist quota. */
public record UsableSubscription(long id, int quota) {
}
