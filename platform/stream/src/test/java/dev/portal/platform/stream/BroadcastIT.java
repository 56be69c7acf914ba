package dev.portal.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/**
 * Every instance sees every event when its binding's group is instance-unique ({@code <service>-${portal.instance-id}},
 * the id different in every process by default); instances that share a group split the events between them.
 */
class BroadcastIT {

    static final String TOPIC = Topics.SIM_EVENTS.name();
    static final String TYPE = "portal.sim.line-suspended.v1";
    static final int EVENTS = 12;

    @EventType(TYPE)
    record LineSuspended(String lineId) {
    }

    final StreamApps apps = new StreamApps();

    @AfterEach
    void stop() {
        apps.close();
    }

    @Test
    void instances_with_instance_unique_groups_each_receive_every_event() {
        ConfigurableApplicationContext first = instance("broadcast-it-${portal.instance-id}");
        ConfigurableApplicationContext second = instance("broadcast-it-${portal.instance-id}");
        waitUntilBothListen(first, second);
        String run = "broadcast-" + UUID.randomUUID() + "-";

        sendLines(first, run);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(received(first).startingWith(run)).isEqualTo(EVENTS);
            assertThat(received(second).startingWith(run)).isEqualTo(EVENTS);
        });
    }

    @Test
    void instances_sharing_a_group_split_the_events_between_them() {
        ConfigurableApplicationContext first = instance("broadcast-it-shared");
        ConfigurableApplicationContext second = instance("broadcast-it-shared");
        waitUntilBothListen(first, second);
        String run = "shared-" + UUID.randomUUID() + "-";

        sendLines(first, run);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                received(first).startingWith(run) + received(second).startingWith(run) >= EVENTS);
        Set<String> all = new HashSet<>(only(first, run));
        all.addAll(only(second, run));
        assertThat(all).hasSize(EVENTS);
        assertThat(only(first, run)).as("no event is handled by both").doesNotContainAnyElementsOf(only(second, run));
    }

    private ConfigurableApplicationContext instance(String group) {
        return apps.start(App.class, "spring.application.name=broadcast-it", "spring.cloud.function.definition=lines",
                "spring.cloud.stream.bindings.lines-in-0.destination=" + TOPIC,
                "spring.cloud.stream.bindings.lines-in-0.group=" + group,
                "spring.cloud.stream.kafka.bindings.lines-in-0.consumer.start-offset=latest");
    }

    // Groups start at the topic's end: probes are sent until each instance has one, so both hold their partitions.
    private static void waitUntilBothListen(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        String probe = "probe-" + UUID.randomUUID() + "-";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (int partition = 0; partition < Topics.SIM_EVENTS.partitions(); partition++) {
                send(first, probe + partition + "-" + UUID.randomUUID());
            }
            return received(first).startingWith(probe) > 0 && received(second).startingWith(probe) > 0;
        });
    }

    private static void sendLines(ConfigurableApplicationContext context, String run) {
        for (int i = 0; i < EVENTS; i++) {
            send(context, run + i);
        }
    }

    @SuppressWarnings("unchecked")
    private static void send(ConfigurableApplicationContext context, String lineId) {
        KafkaTemplate<String, byte[]> kafka = context.getBean(KafkaTemplate.class);
        try {
            kafka.send(Envelopes.of(TYPE, UUID.randomUUID().toString(), lineId, "{\"lineId\":\"" + lineId + "\"}")
                    .toProducerRecord(TOPIC)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received received(ConfigurableApplicationContext context) {
        return context.getBean(Received.class);
    }

    private static List<String> only(ConfigurableApplicationContext context, String run) {
        return received(context).subjects.stream().filter(subject -> subject.startsWith(run)).toList();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Received received() {
            return new Received();
        }

        @Bean
        Consumer<Message<byte[]>> lines(EventConsumers consumers, Received received) {
            return consumers.idempotent(LineSuspended.class, received::add);
        }
    }
}
