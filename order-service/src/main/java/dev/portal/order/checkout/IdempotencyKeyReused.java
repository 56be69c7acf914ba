package dev.portal.order.checkout;

import dev.portal.platform.errors.RuleViolation;

/** The key was used before for a different order: a key names one request, so this one is refused, not placed. */
final class IdempotencyKeyReused extends RuleViolation {

    IdempotencyKeyReused() {
        super("idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used for a different order. Use a new key for a new order.");
    }
}
