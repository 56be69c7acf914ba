package dev.portal.fulfillment.support;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order change events as cdc-bridge writes them to {@code salesforce.cdc.order} (docs/events.md): a CloudEvent in
 * binary mode, the CDC header fields as {@code ce_*} extensions, the change as JSON data. Tests publish these where
 * the bridge would, so the service is driven through its real consumer.
 */
public final class ApprovalRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHANNEL = "/data/OrderChangeEvent";

    private ApprovalRecords() {
    }

    /** An operator changed the order's Status to Approved in the transaction committed at {@code committedAt}. */
    public static ProducerRecord<String, byte[]> approved(String orderId, Instant committedAt, long commitNumber, long replayId) {
        return change(orderId, "UPDATE", committedAt, commitNumber, replayId, List.of("Status", "LastModifiedDate"),
                Map.of("Status", "Approved", "LastModifiedDate", committedAt.toString()), false);
    }

    /** The portal's own write (e.g. the saga's Activation_Status__c) as the bridge marks it. */
    public static ProducerRecord<String, byte[]> portalWrite(String orderId, Instant committedAt, long commitNumber, long replayId) {
        return change(orderId, "UPDATE", committedAt, commitNumber, replayId, List.of("Status", "LastModifiedDate"),
                Map.of("Status", "Approved", "LastModifiedDate", committedAt.toString()), true);
    }

    /** A record of the right type whose data is not an order change at all. */
    public static ProducerRecord<String, byte[]> unreadable(String orderId) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "salesforce.cdc.order.changed.v1",
                URI.create("urn:salesforce:org"), orderId, Instant.now().atOffset(ZoneOffset.UTC), EventEnvelope.JSON,
                "{\"recordId\": [not json".getBytes(StandardCharsets.UTF_8), Map.of(), Map.of("changetype", "UPDATE"));
        return envelope.toProducerRecord(Topics.SALESFORCE_ORDER.name());
    }

    private static ProducerRecord<String, byte[]> change(String orderId, String changeType, Instant committedAt, long commitNumber,
                                                         long replayId, List<String> changedFields, Map<String, Object> fields,
                                                         boolean portalOrigin) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entityName", "Order");
        data.put("recordId", orderId);
        data.put("changeType", changeType);
        data.put("changeOrigin", portalOrigin ? "com/salesforce/api/rest/62.0;client=portal" : "");
        data.put("transactionKey", "tx-" + commitNumber);
        data.put("sequenceNumber", 1);
        data.put("commitTimestamp", committedAt.toString());
        data.put("commitNumber", commitNumber);
        data.put("commitUser", "005Sb0000000002IAA");
        data.put("changedFields", changedFields);
        data.put("fields", fields);
        data.put("reread", false);
        Map<String, String> extensions = new LinkedHashMap<>();
        extensions.put("replayid", Long.toString(replayId));
        extensions.put("changetype", changeType);
        extensions.put("transactionkey", "tx-" + commitNumber);
        extensions.put("sequencenumber", "1");
        extensions.put("changeorigin", (String) data.get("changeOrigin"));
        extensions.put("portalorigin", Boolean.toString(portalOrigin));
        extensions.put("sfchannel", CHANNEL);
        String id = UUID.nameUUIDFromBytes((CHANNEL + "|" + replayId + "|" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
        EventEnvelope envelope = new EventEnvelope(id, "salesforce.cdc.order.changed.v1", URI.create("urn:salesforce:org"), orderId,
                committedAt.atOffset(ZoneOffset.UTC), EventEnvelope.JSON, JSON.writeValueAsBytes(data), Map.of(), extensions);
        return envelope.toProducerRecord(Topics.SALESFORCE_ORDER.name());
    }
}
