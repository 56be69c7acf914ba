package dev.portal.billing.invoices;

import dev.portal.platform.events.EventType;
import java.time.Instant;

/**
 * fulfillment-service's {@code portal.fulfillment.order-status-changed.v1} (CONTRACTS.md), the fields billing
 * reads: a status change of an order means WHMCS may hold a new (or cancelled) invoice for the Account's client.
 *
 * @param accountId the Salesforce Account of the order
 */
@EventType("portal.fulfillment.order-status-changed.v1")
record OrderStatusChanged(String orderId, String accountId, String status, Instant at) {
}
