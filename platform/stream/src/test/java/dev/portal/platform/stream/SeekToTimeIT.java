package dev.portal.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * A binding that starts at a point in time through the binder's own hook ({@link KafkaBindingRebalanceListener}):
 * a new instance reads what was written in the last 30 minutes, not the older history its fresh group would
 * otherwise start from, and then everything live.
 */
class SeekToTimeIT {

    static final String TOPIC = Topics.WISHLIST_EVENTS.name();
    static final String TYPE = "portal.wishlist.renamed.v1";

    @EventType(TYPE)
    record WishlistRenamed(String name) {
    }

    final StreamApps apps = new StreamApps();

    @AfterEach
    void stop() {
        apps.close();
    }

    @Test
    void a_new_instance_reads_from_thirty_minutes_ago_then_live() {
        String run = "seek-" + UUID.randomUUID() + "-";
        // one key: one partition, so the old record would be read before the recent one if it were read at all
        String key = run + "wishlist";
        StreamApps.declare(Topics.WISHLIST_EVENTS);
        Instant now = Instant.now();
        send(key, run + "two-hours-ago", now.minus(Duration.ofHours(2)));
        send(key, run + "forty-minutes-ago", now.minus(Duration.ofMinutes(40)));
        send(key, run + "ten-minutes-ago", now.minus(Duration.ofMinutes(10)));

        ConfigurableApplicationContext instance = apps.start(App.class, "spring.application.name=seek-it",
                "spring.cloud.function.definition=wishlists",
                "spring.cloud.stream.bindings.wishlists-in-0.destination=" + TOPIC,
                "spring.cloud.stream.bindings.wishlists-in-0.group=seek-it-${portal.instance-id}");
        Received received = instance.getBean(Received.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.startingWith(run) == 1);
        send(key, run + "live", Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> received.startingWith(run) == 2);
        assertThat(received.subjects).filteredOn(subject -> subject.startsWith(run))
                .containsExactly(run + "ten-minutes-ago", run + "live");
    }

    private static void send(String key, String name, Instant timestamp) {
        ProducerRecord<String, byte[]> envelope = Envelopes.of(TYPE, UUID.randomUUID().toString(), name,
                "{\"name\":\"" + name + "\"}").toProducerRecord(TOPIC);
        ProducerRecord<String, byte[]> written = new ProducerRecord<>(TOPIC, null, timestamp.toEpochMilli(), key,
                envelope.value(), envelope.headers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(written).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Received received() {
            return new Received();
        }

        @Bean
        Consumer<Message<byte[]>> wishlists(EventConsumers consumers, Received received) {
            return consumers.idempotent(WishlistRenamed.class, received::add);
        }

        @Bean
        KafkaBindingRebalanceListener lastHalfHour() {
            return new SeekToTime("wishlists-in-0", Duration.ofMinutes(30), Clock.systemUTC());
        }
    }
}
