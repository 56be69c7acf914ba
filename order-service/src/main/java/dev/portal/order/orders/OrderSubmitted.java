package dev.portal.order.orders;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.OutboxEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A portal user placed an order: Salesforce holds it with its items, in the configured initial status.
 *
 * @param orderId   the Salesforce Order id (also the key)
 * @param accountId the Salesforce Account it belongs to
 * @param userId    the portal user who placed it
 */
@EventType("portal.order.submitted.v1")
public record OrderSubmitted(String orderId, String orderNumber, String accountId, UUID userId, String status,
                             List<Item> items, BigDecimal total, String currency, Instant submittedAt) implements OutboxEvent {

    /** One ordered item: what it is and how many. */
    public record Item(String itemId, String pricebookEntryId, String productId, int quantity, BigDecimal unitPrice) {
    }

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public Topic topic() {
        return Topics.ORDER_EVENTS;
    }
}
