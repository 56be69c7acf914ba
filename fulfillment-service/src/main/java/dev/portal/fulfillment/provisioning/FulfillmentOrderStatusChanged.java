package dev.portal.fulfillment.provisioning;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The activation status of an order changed (contract: docs/events.md), published in the transaction that records
 * the change; key = the Salesforce Order id.
 *
 * @param accountId       the Salesforce Account id (null when the order could not be read)
 * @param reason          customer-safe text, or null
 * @param whmcsOrderId    the WHMCS order, once placed
 * @param whmcsServiceIds its services (empty before)
 */
@EventType("portal.fulfillment.order-status-changed.v1")
public record FulfillmentOrderStatusChanged(String orderId, String accountId, Status status, String reason, Long whmcsOrderId,
                                            List<Long> whmcsServiceIds, Instant at) implements DomainEvent {

    public enum Status {
        ACTIVATING, WAITING_FOR_PAYMENT_METHOD, ACTIVATED, FAILED, PARKED
    }

    public FulfillmentOrderStatusChanged {
        whmcsServiceIds = whmcsServiceIds == null ? List.of() : List.copyOf(whmcsServiceIds);
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
