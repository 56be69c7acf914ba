package dev.portal.cdcbridge.publishing;

import dev.portal.clients.salesforce.streaming.ChangeEvent;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes change records to Kafka as CloudEvents (binary mode, see {@link EventEnvelope}) with the Salesforce header
 * fields as extension attributes, and waits until Kafka acknowledged all of them.
 */
public class CdcPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final URI source;
    private final List<String> portalClients;
    private final Duration sendTimeout;

    public CdcPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, URI source, List<String> portalClients, Duration sendTimeout) {
        this.kafka = kafka;
        this.json = json;
        this.source = source;
        this.portalClients = portalClients;
        this.sendTimeout = sendTimeout;
    }

    /** One record per id listed in the event (fan-out), key = record id. */
    public List<Outgoing> fanOut(Topic topic, ChangeEvent event) {
        List<Outgoing> records = new ArrayList<>();
        for (String recordId : event.recordIds()) {
            records.add(new Outgoing(topic, event.channel(), event.replayId(), new CdcChange(event.entityName(), recordId,
                    event.changeType(), event.changeOrigin(), event.transactionKey(), event.sequenceNumber(),
                    event.commitTimestamp(), event.commitNumber(), event.commitUser(), event.changedFields(), event.fields(), false)));
        }
        return records;
    }

    /** Sends one record; the future completes when Kafka acknowledged it (or refused it). */
    public CompletableFuture<?> send(Outgoing record) {
        return kafka.send(toRecord(record));
    }

    public Duration sendTimeout() {
        return sendTimeout;
    }

    /** Sends the records in order and returns once Kafka acknowledged every one. */
    public void sendAll(List<Outgoing> records) {
        List<CompletableFuture<?>> acks = new ArrayList<>(records.size());
        for (Outgoing record : records) {
            acks.add(kafka.send(toRecord(record)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSendFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new KafkaSendFailedException("Kafka refused a record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaSendFailedException("Kafka did not acknowledge within " + sendTimeout, e);
        }
    }

    public ProducerRecord<String, byte[]> toRecord(Outgoing outgoing) {
        CdcChange change = outgoing.change();
        String identity = outgoing.channel() + ":" + (outgoing.replayId() == null ? "resync:" + change.commitTimestamp() : outgoing.replayId())
                + ":" + change.recordId();
        EventEnvelope envelope = new EventEnvelope(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString(),
                CdcTopics.typeOf(outgoing.topic()), source, change.recordId(),
                change.commitTimestamp().atOffset(ZoneOffset.UTC), EventEnvelope.JSON, json.writeValueAsBytes(change), Map.of());
        ProducerRecord<String, byte[]> record = envelope.toProducerRecord(outgoing.topic().name());
        if (outgoing.replayId() != null) {
            header(record, ChangeHeaders.REPLAY_ID, Long.toString(outgoing.replayId()));
        }
        header(record, ChangeHeaders.CHANGE_TYPE, change.changeType());
        header(record, ChangeHeaders.TRANSACTION_KEY, change.transactionKey());
        header(record, ChangeHeaders.SEQUENCE_NUMBER, Integer.toString(change.sequenceNumber()));
        header(record, ChangeHeaders.CHANGE_ORIGIN, change.changeOrigin());
        header(record, ChangeHeaders.PORTAL_ORIGIN, Boolean.toString(portalOrigin(change.changeOrigin())));
        header(record, ChangeHeaders.CHANNEL, outgoing.channel());
        return record;
    }

    /** {@code com/salesforce/api/rest/62.0;client=portal} is the portal's own write when {@code portal} is configured. */
    public boolean portalOrigin(String changeOrigin) {
        int at = changeOrigin == null ? -1 : changeOrigin.indexOf("client=");
        if (at < 0) {
            return false;
        }
        String client = changeOrigin.substring(at + "client=".length());
        int end = client.indexOf(';');
        String id = (end < 0 ? client : client.substring(0, end)).strip();
        return portalClients.contains(id);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
