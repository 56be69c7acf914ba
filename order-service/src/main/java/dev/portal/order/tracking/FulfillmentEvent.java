package dev.portal.order.tracking;

import dev.portal.platform.events.EventType;
import java.time.Instant;

/** What fulfillment-service reports about an order (CONTRACTS: fulfillment events), with the fields this service reads. */
sealed interface FulfillmentEvent {

    String orderId();

    /**
     * A saga step of the order changed.
     *
     * @param step   {@code mark-activating}, {@code map-products}, {@code create-whmcs-order}, {@code activate-sim},
     *               {@code mark-activated}, or a compensation ({@code cancel-whmcs-order}, {@code mark-failed})
     * @param reason customer-safe text, or null
     */
    @EventType("portal.fulfillment.step-recorded.v1")
    record StepRecorded(String orderId, String step, String status, int attempt, String reason, Instant at) implements FulfillmentEvent {
    }

    /**
     * The order's fulfillment status changed.
     *
     * @param status {@code ACTIVATING}, {@code WAITING_FOR_PAYMENT_METHOD}, {@code ACTIVATED}, {@code FAILED}, {@code PARKED}
     */
    @EventType("portal.fulfillment.order-status-changed.v1")
    record OrderStatusChanged(String orderId, String accountId, String status, String reason, Instant at) implements FulfillmentEvent {
    }
}
