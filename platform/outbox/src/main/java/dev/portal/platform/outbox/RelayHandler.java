package dev.portal.platform.outbox;

import dev.portal.platform.events.EventEnvelope;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import io.micrometer.core.instrument.Counter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a batch of captured outbox inserts into Kafka records and marks the batch processed only once Kafka
 * has acknowledged every record of it. A failed send fails the batch: nothing of it is marked, the engine
 * stops, and the relay restarts from the last stored position (at-least-once, never a gap).
 */
final class RelayHandler implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final Producer<String, byte[]> producer;
    private final String outboxTable;
    private final Duration sendTimeout;
    private final Counter relayed;

    RelayHandler(Producer<String, byte[]> producer, String outboxTable, Duration sendTimeout, Counter relayed) {
        this.producer = producer;
        this.outboxTable = outboxTable;
        this.sendTimeout = sendTimeout;
        this.relayed = relayed;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            EventRow row = outboxInsert(change.record());
            if (row != null) {
                sends.add(producer.send(row.envelope().toProducerRecord(row.topic())));
            }
        }
        awaitAcknowledgements(sends);
        for (RecordChangeEvent<SourceRecord> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        relayed.increment(sends.size());
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) throws InterruptedException {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new RelayFailedException("Kafka did not acknowledge an outbox record; the batch will be resent", e);
            }
        }
    }

    /** The event of an outbox insert; null for everything else the connector reports (heartbeats, deletes). */
    EventRow outboxInsert(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null) {
            return null;
        }
        Struct source = value.getStruct("source");
        if (!"c".equals(value.getString("op")) && !"r".equals(value.getString("op"))
                || source == null || !outboxTable.equals(source.getString("table"))) {
            return null;
        }
        Struct after = value.getStruct("after");
        Map<String, String> traceContext = JSON.readValue(after.getString("trace_context"), STRING_MAP);
        EventEnvelope envelope = new EventEnvelope(after.getString("id"), after.getString("event_type"),
                URI.create(after.getString("source")), after.getString("message_key"),
                OffsetDateTime.parse(after.getString("occurred_at")), EventEnvelope.JSON,
                after.getString("payload").getBytes(StandardCharsets.UTF_8), traceContext);
        return new EventRow(after.getString("topic"), envelope);
    }

    record EventRow(String topic, EventEnvelope envelope) {
    }

    static final class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
