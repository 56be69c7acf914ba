package dev.portal.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.Topics;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.platform.test.WithInfrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox in a running service: committed rows become Kafka records, in order per key, with their envelope. */
@SpringBootTest(classes = OutboxRelayIT.App.class, properties = {
        "spring.application.name=outbox-it", "management.tracing.sampling.probability=1.0"})
@WithInfrastructure
class OutboxRelayIT {

    static final String TOPIC = Topics.ORDER_EVENTS.name();
    static KafkaRecorder recorder;

    @Autowired Outbox outbox;
    @Autowired OutboxRelay relay;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Tracer tracer;
    @Autowired Notifications notifications;

    @BeforeAll
    static void record() {
        recorder = new KafkaRecorder(TestInfrastructure.kafka().bootstrapServers(), TOPIC);
    }

    @AfterAll
    static void stopRecording() throws InterruptedException {
        recorder.close();
    }

    @BeforeEach
    void relayIsStreaming() {
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.state() == OutboxRelay.State.STREAMING
                && Boolean.TRUE.equals(jdbc.sql("select active from pg_replication_slots where slot_name = ?")
                .param(relay.slotName()).query(Boolean.class).optional().orElse(false)));
    }

    @Test
    void committed_rows_reach_kafka_once_each_in_per_key_order() {
        int keys = 10;
        int perKey = 100;
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        for (int sequence = 1; sequence <= perKey; sequence++) {
            int step = sequence;
            transactions.executeWithoutResult(tx -> {
                for (int key = 0; key < keys; key++) {
                    ids.add(outbox.publish(Topics.ORDER_EVENTS, new SequencedEvent(run + "-" + key, step)));
                }
            });
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ofRun(run).size() >= ids.size());

        List<ConsumerRecord<String, byte[]>> received = ofRun(run);
        assertThat(received).extracting(r -> KafkaRecorder.header(r, "ce_id"))
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        received.forEach(r -> sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(sequenceOf(r)));
        assertThat(sequences).hasSize(keys);
        sequences.forEach((key, seen) -> assertThat(seen).as("order of %s", key).isSorted().hasSize(perKey));
    }

    @Test
    void a_record_carries_the_cloud_event_attributes_and_the_writers_trace() {
        String aggregate = "traced-" + UUID.randomUUID();
        Span span = tracer.nextSpan().name("write").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            transactions.executeWithoutResult(tx -> outbox.publish(Topics.ORDER_EVENTS, new SequencedEvent(aggregate, 1)));
        } finally {
            span.end();
        }

        ConsumerRecord<String, byte[]> record = awaitOne(aggregate);
        assertThat(KafkaRecorder.header(record, "ce_type")).isEqualTo("portal.test.step-taken.v1");
        assertThat(KafkaRecorder.header(record, "ce_source")).isEqualTo("urn:portal:outbox-it");
        assertThat(KafkaRecorder.header(record, "ce_subject")).isEqualTo(aggregate);
        assertThat(KafkaRecorder.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaRecorder.header(record, "traceparent")).contains(span.context().traceId());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"aggregate\":\"" + aggregate + "\",\"sequence\":1}");
    }

    @Test
    void a_notification_reaches_the_users_partition_as_a_typed_event_with_its_data() throws Exception {
        UUID user = UUID.randomUUID();
        try (KafkaRecorder notifications = new KafkaRecorder(TestInfrastructure.kafka().bootstrapServers(),
                Topics.NOTIFICATIONS.name())) {
            transactions.executeWithoutResult(tx -> this.notifications.publish(user, "order.status-changed",
                    Map.of("orderId", "801000000000001AAA", "status", "Activated")));

            await().atMost(Duration.ofSeconds(60)).until(() -> notifications.records().stream()
                    .anyMatch(record -> user.toString().equals(record.key())));
            ConsumerRecord<String, byte[]> record = notifications.records().stream()
                    .filter(r -> user.toString().equals(r.key())).findFirst().orElseThrow();
            assertThat(KafkaRecorder.header(record, "ce_type")).isEqualTo("portal.notification.published.v1");
            String data = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(data).contains("\"type\":\"order.status-changed\"").contains("\"status\":\"Activated\"")
                    .contains(user.toString());
        }
    }

    @Test
    void a_notification_type_must_be_dotted_kebab_case() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> notifications.publish(UUID.randomUUID(),
                "OrderStatusChanged", Map.of()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        String aggregate = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            outbox.publish(Topics.ORDER_EVENTS, new SequencedEvent(aggregate, 1));
            throw new IllegalStateException("the state change failed");
        })).hasMessage("the state change failed");
        transactions.executeWithoutResult(tx -> outbox.publish(Topics.ORDER_EVENTS, new SequencedEvent(aggregate, 2)));

        ConsumerRecord<String, byte[]> only = awaitOne(aggregate);
        assertThat(sequenceOf(only)).isEqualTo(2);
        assertThat(recorder.records()).filteredOn(r -> aggregate.equals(r.key())).hasSize(1);
    }

    @Test
    void publishing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.publish(Topics.ORDER_EVENTS, new SequencedEvent("loose", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void the_purge_deletes_only_rows_older_than_the_retention() {
        transactions.executeWithoutResult(tx -> {
            outbox.publish(Topics.ORDER_EVENTS, new SequencedEvent("old-" + UUID.randomUUID(), 1));
            outbox.publish(Topics.ORDER_EVENTS, new SequencedEvent("new-" + UUID.randomUUID(), 1));
        });
        jdbc.sql("update outbox set created_at = now() - interval '8 days' where message_key like 'old-%'").update();
        int oldRows = jdbc.sql("select count(*) from outbox where message_key like 'old-%'").query(Integer.class).single();
        int total = jdbc.sql("select count(*) from outbox").query(Integer.class).single();

        assertThat(relay.purge()).isEqualTo(oldRows);
        assertThat(jdbc.sql("select count(*) from outbox").query(Integer.class).single()).isEqualTo(total - oldRows);
    }

    private static List<ConsumerRecord<String, byte[]>> ofRun(String run) {
        return recorder.records().stream().filter(r -> r.key().startsWith(run + "-")).toList();
    }

    private static ConsumerRecord<String, byte[]> awaitOne(String aggregate) {
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.records().stream().anyMatch(r -> aggregate.equals(r.key())));
        return recorder.records().stream().filter(r -> aggregate.equals(r.key())).findFirst().orElseThrow();
    }

    static int sequenceOf(ConsumerRecord<String, byte[]> record) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        return Integer.parseInt(json.replaceAll(".*\"sequence\":(\\d+).*", "$1"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
