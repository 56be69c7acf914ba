package dev.portal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.platform.test.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The envelope's wire format on a real broker: CloudEvents 1.0 binary mode plus W3C trace headers. */
class EventEnvelopeIT {

    @EventType("portal.test.order-placed.v1")
    record OrderPlaced(String orderId, int lines) implements DomainEvent {
        @Override public String aggregateId() { return orderId; }
    }

    private static final String TOPIC = "test.envelope.events";
    private static String bootstrap;

    @BeforeAll
    static void createTopic() throws Exception {
        bootstrap = TestInfrastructure.kafka().bootstrapServers();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @Test
    void an_envelope_travels_as_binary_mode_cloud_event_and_reads_back_as_the_same_event() {
        EventCodec codec = new EventCodec(EventTypes.of(OrderPlaced.class));
        OrderPlaced event = new OrderPlaced("801000000000001AAA", 3);
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        EventEnvelope sent = new EventEnvelope(UUID.randomUUID().toString(), codec.typeOf(event),
                URI.create("urn:portal:test"), event.aggregateId(), OffsetDateTime.of(2026, 11, 22, 9, 30, 0, 0, ZoneOffset.UTC),
                EventEnvelope.JSON, codec.serialize(event), Map.of("traceparent", traceparent));

        send(sent.toProducerRecord(TOPIC));
        ConsumerRecord<String, byte[]> received = consumeOne();

        assertThat(received.key()).isEqualTo("801000000000001AAA");
        assertThat(header(received, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(received, "ce_id")).isEqualTo(sent.id());
        assertThat(header(received, "ce_type")).isEqualTo("portal.test.order-placed.v1");
        assertThat(header(received, "ce_source")).isEqualTo("urn:portal:test");
        assertThat(header(received, "ce_subject")).isEqualTo("801000000000001AAA");
        assertThat(header(received, "ce_time")).isEqualTo("2026-11-22T09:30:00Z");
        assertThat(header(received, "content-type")).isEqualTo("application/json");
        assertThat(header(received, "traceparent")).isEqualTo(traceparent);
        assertThat(new String(received.value(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"801000000000001AAA\",\"lines\":3}");

        EventEnvelope read = EventEnvelope.from(received);
        assertThat(read).isEqualTo(sent);
        assertThat(read.traceContext()).containsEntry("traceparent", traceparent);
        assertThat(codec.deserialize(read, OrderPlaced.class)).isEqualTo(event);
        assertThat(codec.deserialize(read)).isEqualTo(event);
    }

    @Test
    void a_record_that_is_not_a_cloud_event_is_malformed_not_a_null_pointer() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>(TOPIC, 0, 7L, "k", "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventEnvelope.from(plain))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(TOPIC + "-0@7");
    }

    @Test
    void data_of_the_wrong_type_is_malformed() {
        EventCodec codec = new EventCodec(EventTypes.of(OrderPlaced.class));
        EventEnvelope unknown = new EventEnvelope("e-1", "portal.test.other-thing.v1", URI.create("urn:portal:test"), "s",
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        EventEnvelope garbled = new EventEnvelope("e-2", "portal.test.order-placed.v1", URI.create("urn:portal:test"), "s",
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, "{\"lines\":\"many\"".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThatThrownBy(() -> codec.deserialize(unknown)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown type portal.test.other-thing.v1");
        assertThatThrownBy(() -> codec.deserialize(unknown, OrderPlaced.class)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.deserialize(garbled, OrderPlaced.class)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unreadable data");
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, byte[]> consumeOne() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "envelope-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).as("records on %s", TOPIC).hasSize(1);
            return records.getFirst();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
