package dev.portal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.test.WithInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Consumer failures on a real broker: transient failures are retried, poison records go to the dead-letter
 * topic after the configured attempts (malformed ones at once) without blocking the partition, and a replay
 * brings them back with their original event id.
 */
@SpringBootTest(classes = DeadLetterIT.App.class, properties = {
        "spring.application.name=dlt-it",
        "portal.kafka.retry.initial-interval=50ms",
        "portal.kafka.retry.max-interval=100ms",
        "portal.kafka.retry.max-attempts=3"})
@WithInfrastructure(postgres = false)
class DeadLetterIT {

    static final String TOPIC = Topics.ORDER_EVENTS.name();
    static final String DEAD_LETTERS = Topics.ORDER_EVENTS.deadLetter().name();

    @Autowired KafkaTemplate<String, byte[]> template;
    @Autowired DeadLetters deadLetters;
    @Autowired FlakyListener listener;

    @Test
    void failing_records_are_retried_then_dead_lettered_without_blocking_and_replay_brings_them_back() throws Exception {
        listener.failAlways.add("poison");
        listener.failTimes.put("flaky", new AtomicInteger(2));

        send(envelope("e-poison", "poison").toProducerRecord(TOPIC));
        send(envelope("e-flaky", "flaky").toProducerRecord(TOPIC));
        send(new ProducerRecord<>(TOPIC, "garbage", "not an event".getBytes(StandardCharsets.UTF_8)));
        send(envelope("e-fine", "fine").toProducerRecord(TOPIC));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(listener.applied).containsExactlyInAnyOrder("e-flaky", "e-fine");
            assertThat(deadLetters.pending(List.of(DEAD_LETTERS))).containsEntry(DEAD_LETTERS, 2L);
        });
        assertThat(listener.attempts.get("poison")).as("attempts of the poison record").hasValue(3);
        assertThat(listener.attempts.get("flaky")).as("attempts of the flaky record").hasValue(3);
        assertThat(listener.attempts.get("garbage")).as("a malformed record is not retried").hasValue(1);

        listener.failAlways.clear();
        int replayed = deadLetters.replay(DEAD_LETTERS, 100);

        assertThat(replayed).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(listener.applied).containsExactlyInAnyOrder("e-flaky", "e-fine", "e-poison"));
        // the garbage record failed again and is dead-lettered a second time; nothing else is pending
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters.pending(List.of(DEAD_LETTERS))).containsEntry(DEAD_LETTERS, 1L));
        assertThat(deadLetters.replay(DEAD_LETTERS, 0)).isZero();
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        template.send(record).get();
    }

    private static EventEnvelope envelope(String id, String subject) {
        return new EventEnvelope(id, "portal.order.submitted.v1", URI.create("urn:portal:test"), subject,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static class FlakyListener {
        final Set<String> failAlways = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> failTimes = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<String> applied = new CopyOnWriteArrayList<>();
        final AtomicBoolean started = new AtomicBoolean();

        @KafkaListener(topics = "orders.order.events")
        void on(ConsumerRecord<String, byte[]> record) {
            attempts.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
            EventEnvelope envelope = EventEnvelope.from(record);
            if (failAlways.contains(envelope.subject())) {
                throw new IllegalStateException("cannot handle " + envelope.subject());
            }
            AtomicInteger remainingFailures = failTimes.get(envelope.subject());
            if (remainingFailures != null && remainingFailures.getAndDecrement() > 0) {
                throw new IllegalStateException("transient failure for " + envelope.subject());
            }
            applied.add(envelope.id());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }
}
