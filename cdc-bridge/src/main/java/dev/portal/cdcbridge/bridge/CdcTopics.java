package dev.portal.cdcbridge.bridge;

import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;

import java.util.Map;
import java.util.Optional;

/** Which topic and CloudEvents type a Salesforce object's change events get. */
final class CdcTopics {

    private static final Map<String, Topic> BY_ENTITY = Map.of(
            "Order", Topics.SALESFORCE_ORDER,
            "OrderItem", Topics.SALESFORCE_ORDER_ITEM,
            "PricebookEntry", Topics.SALESFORCE_PRICEBOOK_ENTRY,
            "Product2", Topics.SALESFORCE_PRODUCT,
            "Pricebook2", Topics.SALESFORCE_PRICEBOOK,
            "Case", Topics.SALESFORCE_CASE,
            "Account", Topics.SALESFORCE_ACCOUNT);

    private CdcTopics() {
    }

    /** The topic of an object's change events, e.g. {@code salesforce.cdc.order-item} for {@code OrderItem}. */
    static Optional<Topic> of(String entityName) {
        return Optional.ofNullable(BY_ENTITY.get(entityName));
    }

    /** {@code salesforce.cdc.<entity>.changed.v1}, the entity part as in the topic name. */
    static String typeOf(Topic topic) {
        return topic.name() + ".changed.v1";
    }

    /** {@code /data/OrderItemChangeEvent} -> {@code OrderItem}. */
    static String entityOf(String channel) {
        String name = channel.substring(channel.lastIndexOf('/') + 1);
        return name.endsWith("ChangeEvent") ? name.substring(0, name.length() - "ChangeEvent".length()) : name;
    }
}
