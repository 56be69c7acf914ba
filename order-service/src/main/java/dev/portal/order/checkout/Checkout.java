package dev.portal.order.checkout;

import java.time.Instant;
import java.util.UUID;

/**
 * One checkout: a user's request under one {@code Idempotency-Key}, recorded before anything is sent to Salesforce.
 *
 * @param id          also the reference the Salesforce Order carries ({@code OrderReferenceNumber})
 * @param requestHash what was asked for ({@link Fingerprint}): the same key must ask for the same order
 * @param attempt     which attempt holds it: only that attempt may finish or give it up
 * @param leaseUntil  while {@link Status#IN_FLIGHT}: until when the attempt may run; while {@link Status#IN_DOUBT}:
 *                    until when a retry must not create the order again
 * @param orderId     the Salesforce Order, once {@link Status#COMPLETED}
 * @param response    the first answer (JSON), replayed to a repeated request
 */
record Checkout(UUID id, UUID userId, String idempotencyKey, String requestHash, Status status, int attempt,
                Instant leaseUntil, String orderId, String response, Instant createdAt) {

    enum Status {
        /** An attempt is running. */
        IN_FLIGHT,
        /** The Salesforce create was sent but its answer never came: the order may or may not exist. */
        IN_DOUBT,
        /** The order exists; {@link #response} is the answer. */
        COMPLETED
    }

    Checkout nextAttempt(Instant leaseUntil) {
        return new Checkout(id, userId, idempotencyKey, requestHash, Status.IN_FLIGHT, attempt + 1, leaseUntil, null, null, createdAt);
    }
}
