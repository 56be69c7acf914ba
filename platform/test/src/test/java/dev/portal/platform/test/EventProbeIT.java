package dev.portal.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against the per-JVM test broker: CloudEvents written in binary mode, as the outbox relay writes them. */
class EventProbeIT {

    static final String TOPIC = "probe-it.thing.events";
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void topicAndProducer() throws Exception {
        String servers = TestInfrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(java.util.List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void await_returns_the_decoded_event_with_that_key_and_type() {
        EventProbe probe = EventProbe.fromNow();
        String key = "thing-" + UUID.randomUUID();
        send(key, "portal.thing.renamed.v1", null, "{\"name\":\"other\"}");
        send(key, "portal.thing.created.v1", null, "{\"name\":\"router\"}");

        ReceivedEvent event = probe.await(TOPIC, key, "portal.thing.created.v1");

        assertThat(event.key()).isEqualTo(key);
        assertThat(event.subject()).isEqualTo(key);
        assertThat(event.source()).hasToString("urn:portal:probe-it");
        assertThat(event.time()).isNotNull();
        assertThat(event.json().path("name").asString()).isEqualTo("router");
        assertThat(event.header("traceparent")).hasValueSatisfying(v -> assertThat(v).startsWith("00-"));
    }

    @Test
    void events_written_before_the_probe_are_not_seen() {
        String key = "thing-" + UUID.randomUUID();
        send(key, "portal.thing.created.v1", Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli(), "{}");
        EventProbe probe = EventProbe.fromNow().within(Duration.ofSeconds(2));

        assertThat(probe.received(TOPIC, key, "portal.thing.created.v1")).isEmpty();
        assertThatThrownBy(() -> probe.await(TOPIC, key, "portal.thing.created.v1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("portal.thing.created.v1 with key " + key)
                .hasMessageContaining(TOPIC);
        assertThat(EventProbe.fromBeginning().received(TOPIC, key, "portal.thing.created.v1")).hasSize(1);
    }

    @Test
    void received_counts_every_copy_so_a_test_can_show_once_and_only_once() {
        EventProbe probe = EventProbe.fromNow();
        String key = "thing-" + UUID.randomUUID();
        send(key, "portal.thing.created.v1", null, "{}");
        send(key, "portal.thing.created.v1", null, "{}");

        probe.await(TOPIC, key, "portal.thing.created.v1", 2);

        assertThat(probe.received(TOPIC, key, "portal.thing.created.v1")).hasSize(2);
        assertThat(probe.received(TOPIC, key, "portal.thing.deleted.v1")).isEmpty();
    }

    @Test
    void a_topic_that_never_appears_fails_with_its_name() {
        EventProbe probe = EventProbe.fromNow().within(Duration.ofSeconds(1));

        assertThatThrownBy(() -> probe.await("probe-it.nothing.events", "k", "portal.nothing.happened.v1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no topic probe-it.nothing.events");
    }

    private static void send(String key, String type, Long timestamp, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, null, timestamp, key,
                json.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "urn:portal:probe-it");
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        header(record, "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
