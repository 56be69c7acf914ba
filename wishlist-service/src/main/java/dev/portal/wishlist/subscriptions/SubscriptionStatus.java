package dev.portal.wishlist.subscriptions;

import dev.portal.clients.stripe.StripeSubscription;
import java.util.Locale;

/** A subscription's status as Stripe names it; stored as Stripe's wire value ({@code past_due}, ...). */
enum SubscriptionStatus {
    INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID, PAUSED, UNKNOWN;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionStatus ofWire(String wire) {
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return UNKNOWN;
        }
    }

    static SubscriptionStatus of(StripeSubscription.Status status) {
        return valueOf(status.name());
    }
}
