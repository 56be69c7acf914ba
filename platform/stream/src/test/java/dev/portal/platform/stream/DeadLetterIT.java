package dev.portal.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.DeadLetters;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.platform.test.WithInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/**
 * Consumer failures on a real broker, through the binder: a transient failure is retried, a poison record goes to
 * {@code <topic>.dlt} after the binding's attempts (a malformed one at once) without holding up the records behind
 * it on its partition, and {@link DeadLetters} replays it with its original event id.
 */
@SpringBootTest(classes = DeadLetterIT.App.class, properties = {
        "spring.application.name=dead-letter-it",
        "spring.cloud.function.definition=orders",
        "spring.cloud.stream.bindings.orders-in-0.destination=orders.order.events",
        "spring.cloud.stream.bindings.orders-in-0.group=dead-letter-it",
        "spring.cloud.stream.bindings.orders-in-0.consumer.max-attempts=3",
        "spring.cloud.stream.bindings.orders-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.orders-in-0.consumer.back-off-max-interval=100"})
@WithInfrastructure
class DeadLetterIT {

    static final String TOPIC = Topics.ORDER_EVENTS.name();
    static final String DEAD_LETTERS = Topics.ORDER_EVENTS.deadLetter().name();
    static final String TYPE = "portal.order.submitted.v1";

    @EventType(TYPE)
    record OrderSubmitted(String orderId) {
    }

    @Autowired KafkaTemplate<String, byte[]> template;
    @Autowired DeadLetters deadLetters;
    @Autowired FlakyOrders orders;

    @Test
    void a_poison_record_is_retried_then_dead_lettered_without_blocking_its_partition_and_replay_brings_it_back() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // one key: all four share a partition, in this order
        String key = "order-" + run;
        orders.failAlways.add("poison-" + run);
        orders.failTimes.put("flaky-" + run, new AtomicInteger(2));

        send(envelope("poison-" + run, key).toProducerRecord(TOPIC));
        send(envelope("flaky-" + run, key).toProducerRecord(TOPIC));
        send(new ProducerRecord<>(TOPIC, key, "not an event".getBytes(StandardCharsets.UTF_8)));
        send(envelope("fine-" + run, key).toProducerRecord(TOPIC));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(orders.applied).containsExactly("flaky-" + run, "fine-" + run);
            assertThat(deadLetters.pending(List.of(DEAD_LETTERS))).containsEntry(DEAD_LETTERS, 2L);
        });
        assertThat(orders.attempts.get("poison-" + run)).as("attempts of the poison record").hasValue(3);
        assertThat(orders.attempts.get("flaky-" + run)).as("attempts of the flaky record").hasValue(3);

        List<ConsumerRecord<String, byte[]>> dead = readDeadLetters(2);
        ConsumerRecord<String, byte[]> poison = dead.getFirst();
        assertThat(poison.key()).isEqualTo(key);
        assertThat(header(poison, "ce_id")).isEqualTo("poison-" + run);
        assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(header(poison, "kafka_dlt-original-consumer-group")).isEqualTo("dead-letter-it");
        assertThat(header(poison, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(poison, "kafka_dlt-exception-message")).contains("cannot handle poison-" + run);
        ConsumerRecord<String, byte[]> garbage = dead.get(1);
        assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        assertThat(header(garbage, "kafka_dlt-exception-cause-fqcn")).endsWith("MalformedEventException");
        assertThat(header(garbage, "kafka_dlt-exception-message")).contains("is not a CloudEvent");

        orders.failAlways.clear();
        int replayed = deadLetters.replay(DEAD_LETTERS, 100);

        assertThat(replayed).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(orders.applied).containsExactly("flaky-" + run, "fine-" + run, "poison-" + run));
        // the garbage failed again and is dead-lettered a second time; the replay group is past both
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(deadLetters.pending(List.of(DEAD_LETTERS))).containsEntry(DEAD_LETTERS, 1L));
        assertThat(orders.attempts.get("poison-" + run)).as("attempts after the replay").hasValue(4);
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        template.send(record).get();
    }

    private static EventEnvelope envelope(String id, String orderId) {
        return Envelopes.of(TYPE, id, orderId, "{\"orderId\":\"" + orderId + "\"}");
    }

    private static List<ConsumerRecord<String, byte[]>> readDeadLetters(int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static class FlakyOrders {
        final Set<String> failAlways = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> failTimes = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<String> applied = new CopyOnWriteArrayList<>();

        void apply(OrderSubmitted event, EventEnvelope envelope) {
            attempts.computeIfAbsent(envelope.id(), id -> new AtomicInteger()).incrementAndGet();
            if (failAlways.contains(envelope.id())) {
                throw new IllegalStateException("cannot handle " + envelope.id());
            }
            AtomicInteger remainingFailures = failTimes.get(envelope.id());
            if (remainingFailures != null && remainingFailures.getAndDecrement() > 0) {
                throw new IllegalStateException("transient failure of " + envelope.id());
            }
            applied.add(envelope.id());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        FlakyOrders flakyOrders() {
            return new FlakyOrders();
        }

        @Bean
        Consumer<Message<byte[]>> orders(EventConsumers consumers, FlakyOrders orders) {
            return consumers.idempotent(OrderSubmitted.class, orders::apply);
        }
    }
}
