package dev.portal.fulfillment.provisioning;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A step of an order's fulfillment changed (contract: docs/events.md), published in the transaction that records the
 * change; key = the Salesforce Order id, so one order's changes stay in order.
 *
 * @param step    {@code mark-activating}, {@code map-products}, {@code create-whmcs-order}, {@code activate-sim} (only
 *                with SIM items), {@code mark-activated}; compensations {@code cancel-whmcs-order}, {@code mark-failed}
 * @param attempt the attempt of the step this change belongs to (1 on the first)
 * @param reason  customer-safe text, or null
 */
@EventType("portal.fulfillment.step-recorded.v1")
public record FulfillmentStepRecorded(String orderId, UUID sagaId, String step, Status status, int attempt, String reason,
                                      Instant at) implements DomainEvent {

    public enum Status {
        RUNNING, SUCCEEDED, RETRYING, WAITING, FAILED, COMPENSATING, COMPENSATED, PARKED
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
