package dev.portal.wishlist.subscriptions;

import dev.portal.platform.errors.InvalidInput;

/** A webhook whose Stripe-Signature does not verify with the endpoint's secret. */
final class InvalidSignature extends InvalidInput {

    InvalidSignature() {
        super("invalid-signature", "Bad request", "The Stripe-Signature header does not verify.");
    }
}
