package dev.portal.order.checkout;

import dev.portal.platform.errors.InvalidInput;

/** {@code POST /api/orders} without a usable {@code Idempotency-Key} header: without one, a retry could order twice. */
final class IdempotencyKeyMissing extends InvalidInput {

    IdempotencyKeyMissing() {
        super("idempotency-key-missing", "Idempotency-Key missing",
                "Send an Idempotency-Key header (1 to 255 visible characters, e.g. a UUID) unique to this order.");
    }
}
