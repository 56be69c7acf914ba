package dev.portal.order;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records as the other parts of the suite put them on Kafka, sent to the per-JVM broker: Salesforce changes shaped
 * exactly like cdc-bridge's (docs/events.md) and fulfillment-service's events exactly as CONTRACTS.md describes them.
 */
public final class ChangeEvents {

    private static final KafkaProducer<String, byte[]> PRODUCER = producer();

    private ChangeEvents() {
    }

    /** A change of a Salesforce Order, as cdc-bridge forwards it; returns its event id. */
    public static String orderChanged(String orderId, String changeType, Map<String, Object> fields) {
        return salesforceChange(Topics.SALESFORCE_ORDER.name(), "Order", orderId, changeType, fields, UUID.randomUUID().toString());
    }

    /** A change of a Salesforce OrderItem, as cdc-bridge forwards it; returns its event id. */
    public static String orderItemChanged(String itemId, String changeType, Map<String, Object> fields) {
        return salesforceChange(Topics.SALESFORCE_ORDER_ITEM.name(), "OrderItem", itemId, changeType, fields, UUID.randomUUID().toString());
    }

    /** {@code portal.fulfillment.step-recorded.v1}; returns its event id. */
    public static String stepRecorded(String orderId, String step, String status, int attempt, String reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("sagaId", "saga-" + orderId);
        data.put("step", step);
        data.put("status", status);
        data.put("attempt", attempt);
        data.put("reason", reason);
        data.put("at", at.toString());
        return fulfillment("portal.fulfillment.step-recorded.v1", orderId, data, UUID.randomUUID().toString());
    }

    /** {@code portal.fulfillment.order-status-changed.v1}; returns its event id. */
    public static String fulfillmentStatusChanged(String orderId, String accountId, String status, String reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("accountId", accountId);
        data.put("status", status);
        data.put("reason", reason);
        data.put("whmcsOrderId", null);
        data.put("whmcsServiceIds", java.util.List.of());
        data.put("at", at.toString());
        return fulfillment("portal.fulfillment.order-status-changed.v1", orderId, data, UUID.randomUUID().toString());
    }

    /** A fulfillment event sent again with the id it had (a redelivery). */
    public static void resendStep(String eventId, String orderId, String step, String status, int attempt, String reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("sagaId", "saga-" + orderId);
        data.put("step", step);
        data.put("status", status);
        data.put("attempt", attempt);
        data.put("reason", reason);
        data.put("at", at.toString());
        fulfillment("portal.fulfillment.step-recorded.v1", orderId, data, eventId);
    }

    /** A record on {@code topic} keyed by {@code key} that is not a CloudEvent at all. */
    public static void garbage(String topic, String key) {
        send(new ProducerRecord<>(topic, key, "{not json".getBytes(StandardCharsets.UTF_8)));
    }

    /** A CloudEvent of the right type on {@code topic} whose data cannot be read. */
    public static String unreadable(String topic, String type, String key) {
        String id = UUID.randomUUID().toString();
        EventEnvelope envelope = new EventEnvelope(id, type, URI.create("urn:salesforce:org"), key,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, "[\"an array, not a change\"]".getBytes(StandardCharsets.UTF_8), Map.of());
        send(envelope.toProducerRecord(topic));
        return id;
    }

    private static String salesforceChange(String topic, String entity, String recordId, String changeType,
                                           Map<String, Object> fields, String eventId) {
        String type = "salesforce.cdc." + topic.substring("salesforce.cdc.".length()) + ".changed.v1";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entityName", entity);
        data.put("recordId", recordId);
        data.put("changeType", changeType);
        data.put("changeOrigin", "");
        data.put("transactionKey", UUID.randomUUID().toString());
        data.put("sequenceNumber", 1);
        data.put("commitTimestamp", Instant.now().toString());
        data.put("commitNumber", 1);
        data.put("commitUser", "005Sb0000000002IAA");
        data.put("changedFields", fields.keySet());
        data.put("fields", fields);
        data.put("reread", changeType.startsWith("GAP_") || changeType.equals("RESYNC"));
        EventEnvelope envelope = new EventEnvelope(eventId, type, URI.create("urn:salesforce:org"), recordId,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, ApiClient.jsonMapper().writeValueAsBytes(data), Map.of(),
                Map.of("changetype", changeType, "sfchannel", "/data/" + entity + "ChangeEvent", "portalorigin", "false"));
        send(envelope.toProducerRecord(topic));
        return eventId;
    }

    private static String fulfillment(String type, String orderId, Map<String, Object> data, String eventId) {
        EventEnvelope envelope = new EventEnvelope(eventId, type, URI.create("urn:portal:fulfillment-service"), orderId,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, ApiClient.jsonMapper().writeValueAsBytes(data), Map.of());
        send(envelope.toProducerRecord(Topics.FULFILLMENT_EVENTS.name()));
        return eventId;
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try {
            PRODUCER.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
