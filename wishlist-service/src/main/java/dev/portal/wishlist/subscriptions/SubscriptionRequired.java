package dev.portal.wishlist.subscriptions;

import dev.portal.platform.errors.PaymentRequired;

/** Creating or reactivating a wishlist needs a usable subscription bound to the group; the reason is the code. */
public final class SubscriptionRequired extends PaymentRequired {

    enum Reason {
        MISSING("subscription-missing"), EXPIRED("subscription-expired"), PAST_DUE("subscription-past-due"),
        CANCELLED("subscription-cancelled"), UNPAID("subscription-unpaid"), INACTIVE("subscription-inactive");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    SubscriptionRequired(Reason reason, String detail) {
        super(reason.code, "Subscription required", detail);
    }
}
