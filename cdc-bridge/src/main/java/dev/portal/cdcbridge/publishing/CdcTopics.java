package dev.portal.cdcbridge.publishing;

import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which objects are bridged, and which topic and CloudEvents type each object's change events get. */
public final class CdcTopics {

    private static final Map<String, Topic> BY_ENTITY = new LinkedHashMap<>();

    static {
        BY_ENTITY.put("Order", Topics.SALESFORCE_ORDER);
        BY_ENTITY.put("OrderItem", Topics.SALESFORCE_ORDER_ITEM);
        BY_ENTITY.put("PricebookEntry", Topics.SALESFORCE_PRICEBOOK_ENTRY);
        BY_ENTITY.put("Product2", Topics.SALESFORCE_PRODUCT);
        BY_ENTITY.put("Pricebook2", Topics.SALESFORCE_PRICEBOOK);
        BY_ENTITY.put("Case", Topics.SALESFORCE_CASE);
        BY_ENTITY.put("Account", Topics.SALESFORCE_ACCOUNT);
    }

    private CdcTopics() {
    }

    /** The topic of an object's change events, e.g. {@code salesforce.cdc.order-item} for {@code OrderItem}. */
    public static Optional<Topic> of(String entityName) {
        return Optional.ofNullable(BY_ENTITY.get(entityName));
    }

    /** The topic of an object's change events; an object without one is a configuration error. */
    public static Topic require(String entityName) {
        return of(entityName).orElseThrow(() -> new IllegalArgumentException("no topic for change events of " + entityName));
    }

    /** The channel of every object that has a topic: what the bridge subscribes to unless told otherwise. */
    public static List<String> channels() {
        return BY_ENTITY.keySet().stream().map(CdcTopics::channelOf).toList();
    }

    /** {@code salesforce.cdc.<entity>.changed.v1}, the entity part as in the topic name. */
    public static String typeOf(Topic topic) {
        return topic.name() + ".changed.v1";
    }

    /** {@code OrderItem} -> {@code /data/OrderItemChangeEvent}. */
    public static String channelOf(String entityName) {
        return "/data/" + entityName + "ChangeEvent";
    }

    /** {@code /data/OrderItemChangeEvent} -> {@code OrderItem}. */
    public static String entityOf(String channel) {
        String name = channel.substring(channel.lastIndexOf('/') + 1);
        return name.endsWith("ChangeEvent") ? name.substring(0, name.length() - "ChangeEvent".length()) : name;
    }
}
