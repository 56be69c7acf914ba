package dev.portal.order.checkout;

import dev.portal.platform.errors.Conflict;

/**
 * A request with this key is still being placed (a double click, a retry racing the first attempt), or the outcome of
 * an earlier attempt is still being settled: this request places nothing; asking again later gives the first answer.
 */
final class IdempotencyKeyInUse extends Conflict {

    IdempotencyKeyInUse() {
        super("idempotency-key-in-use", "Order still being placed",
                "An order with this Idempotency-Key is still being placed. Ask again in a moment with the same key to get its answer.");
    }
}
