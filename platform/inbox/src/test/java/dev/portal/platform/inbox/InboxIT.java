package dev.portal.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.WithInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Redelivered events produce exactly one effect: duplicates sent by a producer, a consumer group rewound to
 * the beginning, a failed effect retried, and the same event delivered to many threads at once.
 */
@SpringBootTest(classes = InboxIT.App.class, properties = {
        "spring.application.name=inbox-it"})
@WithInfrastructure
class InboxIT {

    static final String TOPIC = Topics.SIM_EVENTS.name();
    static final String CONSUMER = "inbox-it.line-totals";

    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcClient jdbc;
    @Autowired Inbox inbox;
    @Autowired LineTotals lineTotals;
    @Autowired MeterRegistry meters;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired KafkaAdmin admin;

    @Test
    void duplicates_from_the_producer_and_a_rewound_consumer_apply_once() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(usage(run + "-" + i, run + "-line-" + (i % 5), 1));
        }
        for (EventEnvelope event : events) {
            kafka.send(event.toProducerRecord(TOPIC)).get();
            kafka.send(event.toProducerRecord(TOPIC)).get(); // the relay resending after a crash does this
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= 100 && effects(run) == 100);

        rewindConsumerGroupToBeginning();
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= 300);

        assertThat(effects(run)).as("times the effect ran").isEqualTo(100);
        assertThat(jdbc.sql("select sum(total) from line_totals where line like ?").param(run + "-%")
                .query(Long.class).single()).isEqualTo(100L);
    }

    @Test
    void an_effect_that_fails_rolls_back_its_inbox_row_and_is_applied_once_on_retry() throws Exception {
        EventEnvelope event = usage("fails-once-" + UUID.randomUUID(), "line-f", 7);
        lineTotals.failOnce.add(event.id());

        kafka.send(event.toProducerRecord(TOPIC)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(event.id()) == 1);
        assertThat(lineTotals.attempts.get(event.id())).as("delivery attempts").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from inbox where consumer = ? and event_id = ?").params(CONSUMER, event.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void the_same_event_delivered_to_many_threads_at_once_applies_once() throws Exception {
        EventEnvelope event = usage("concurrent-" + UUID.randomUUID(), "line-c", 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return inbox.receive(CONSUMER, event, () -> lineTotals.apply(event));
                }));
            }
            start.countDown();
            long applied = 0;
            for (Future<Boolean> result : results) {
                applied += result.get() ? 1 : 0;
            }
            assertThat(applied).as("deliveries that ran the effect").isEqualTo(1);
        }
        assertThat(effectsOf(event.id())).isEqualTo(1);
    }

    private void rewindConsumerGroupToBeginning() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer("line-totals");
        container.stop();
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> beginning = new java.util.HashMap<>();
            for (int partition = 0; partition < Topics.SIM_EVENTS.partitions(); partition++) {
                beginning.put(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(0));
            }
            client.alterConsumerGroupOffsets("inbox-it", beginning).all().get();
        }
        container.start();
    }

    private double duplicates() {
        var counter = meters.find("portal.inbox.events").tags("consumer", CONSUMER, "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private int effects(String run) {
        return jdbc.sql("select count(*) from effect_log where event_id like ?").param(run + "-%").query(Integer.class).single();
    }

    private int effectsOf(String eventId) {
        return jdbc.sql("select count(*) from effect_log where event_id = ?").param(eventId).query(Integer.class).single();
    }

    private static EventEnvelope usage(String id, String line, int amount) {
        return new EventEnvelope(id, "portal.sim.usage-recorded.v1", URI.create("urn:portal:test"), line,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON,
                ("{\"amount\":" + amount + "}").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static class LineTotals {
        final Set<String> failOnce = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();
        private final Inbox inbox;
        private final JdbcClient jdbc;

        LineTotals(Inbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(id = "line-totals", groupId = "inbox-it", topics = "sim.line.events")
        void on(ConsumerRecord<String, byte[]> record) {
            EventEnvelope event = EventEnvelope.from(record);
            inbox.receive(CONSUMER, event, () -> {
                attempts.merge(event.id(), 1, Integer::sum);
                apply(event);
                if (failOnce.remove(event.id())) {
                    throw new IllegalStateException("the effect failed after writing");
                }
            });
        }

        void apply(EventEnvelope event) {
            int amount = Integer.parseInt(new String(event.data(), StandardCharsets.UTF_8).replaceAll("\\D", ""));
            jdbc.sql("insert into effect_log (event_id) values (?)").param(event.id()).update();
            jdbc.sql("insert into line_totals (line, total) values (?, ?) on conflict (line) do update set total = line_totals.total + excluded.total")
                    .params(event.subject(), amount).update();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        LineTotals lineTotals(Inbox inbox, javax.sql.DataSource dataSource) {
            return new LineTotals(inbox, JdbcClient.create(dataSource));
        }
    }
}
