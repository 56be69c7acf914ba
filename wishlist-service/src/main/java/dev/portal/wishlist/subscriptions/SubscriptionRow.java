package dev.portal.wishlist.subscriptions;

import java.time.Instant;

/** A subscription as last read from Stripe (see {@code subscriptions}). */
record SubscriptionRow(long id, String stripeSubscriptionId, SubscriptionStatus status, Instant currentPeriodEnd,
                       String priceId, String productId, int wishlistQuota, Instant pastDueSince, Instant lastEventAt,
                       Instant refreshedAt) {
}
