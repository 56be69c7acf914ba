package dev.portal.wishlist.subscriptions;

import dev.portal.platform.errors.TemporarilyUnavailable;

/**
 * The stored copy of a subscription is too old to trust and Stripe did not answer: nothing is decided on a plan
 * that may have been cancelled meanwhile. A code of its own (not the generic upstream one), because the caller
 * can act on it: the same request succeeds once Stripe answers or a webhook refreshed the copy.
 */
final class SubscriptionUnverifiable extends TemporarilyUnavailable {

    SubscriptionUnverifiable() {
        super("subscription-unverifiable", "Subscription cannot be verified",
                "The subscription could not be verified with the billing provider. Try again later.");
    }
}
