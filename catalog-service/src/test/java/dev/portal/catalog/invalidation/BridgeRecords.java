package dev.portal.catalog.invalidation;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.test.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records shaped exactly like the cdc-bridge's (see docs/events.md), sent to the per-JVM broker. */
final class BridgeRecords implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    BridgeRecords() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** One change of {@code entity} ({@code PricebookEntry}, {@code Product2}, {@code Pricebook2}); returns its ce_id. */
    String send(String topic, String entity, String recordId, String changeType, Map<String, Object> fields) {
        String id = UUID.randomUUID().toString();
        return send(topic, entity, recordId, changeType, fields, id);
    }

    String send(String topic, String entity, String recordId, String changeType, Map<String, Object> fields, String ceId) {
        String type = "salesforce.cdc." + topic.substring("salesforce.cdc.".length()) + ".changed.v1";
        String data = CatalogFixtureJson.write(Map.of("entityName", entity, "recordId", recordId, "changeType", changeType,
                "changeOrigin", "", "transactionKey", UUID.randomUUID().toString(), "sequenceNumber", 1,
                "commitTimestamp", System.currentTimeMillis(), "changedFields", fields.keySet(), "fields", fields,
                "reread", changeType.startsWith("GAP_") || changeType.equals("RESYNC")));
        EventEnvelope envelope = new EventEnvelope(ceId, type, URI.create("urn:salesforce:org"), recordId,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, data.getBytes(StandardCharsets.UTF_8), Map.of());
        ProducerRecord<String, byte[]> record = envelope.toProducerRecord(topic);
        header(record, "ce_changetype", changeType);
        header(record, "ce_sfchannel", "/data/" + entity + "ChangeEvent");
        header(record, "ce_portalorigin", "false");
        sendNow(record);
        return ceId;
    }

    /** A record without the bridge's change type: not something the catalogue can apply. */
    void sendWithoutChangeType(String topic, String recordId) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "salesforce.cdc.product.changed.v1",
                URI.create("urn:salesforce:org"), recordId, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON,
                "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        sendNow(envelope.toProducerRecord(topic));
    }

    private void sendNow(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }

    /** JSON for the record values. */
    static final class CatalogFixtureJson {
        static String write(Object value) {
            return dev.portal.catalog.CatalogFixture.JSON.writeValueAsString(value);
        }
    }
}
