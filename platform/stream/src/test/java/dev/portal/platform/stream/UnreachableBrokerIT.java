package dev.portal.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.TcpProxy;
import dev.portal.platform.test.TestInfrastructure;
import java.time.Duration;
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
 * A consuming service whose broker is away starts at once (the binding waits in the background, it does not hold
 * up the start), and consumes once the broker answers.
 */
class UnreachableBrokerIT {

    static final String TYPE = "portal.fulfillment.step-completed.v1";

    @EventType(TYPE)
    record StepCompleted(String step) {
    }

    // Kafka clients bootstrap through the proxy; the broker's own address comes back in the metadata.
    final TcpProxy proxy = TcpProxy.to("127.0.0.1",
            Integer.parseInt(TestInfrastructure.kafka().bootstrapServers().replaceAll(".*:", "")));
    final StreamApps apps = new StreamApps();

    @AfterEach
    void stop() {
        apps.close();
        proxy.close();
    }

    @Test
    void starts_without_its_broker_and_consumes_once_the_broker_answers() {
        StreamApps.declare(Topics.FULFILLMENT_EVENTS);
        long started = System.nanoTime();
        ConfigurableApplicationContext instance = apps.start(App.class, "spring.application.name=unreachable-broker-it",
                "spring.kafka.bootstrap-servers=127.0.0.1:" + proxy.port(),
                "spring.cloud.function.definition=steps",
                "spring.cloud.stream.bindings.steps-in-0.destination=" + Topics.FULFILLMENT_EVENTS.name(),
                "spring.cloud.stream.bindings.steps-in-0.group=unreachable-broker-it",
                "spring.cloud.stream.binding-retry-interval=1");
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        // the binder alone would retry the partition lookup for minutes (11 attempts of up to 2 x 60 s); what is left is
        // the topic declaration's own bounded wait (platform-events) and a 3 s probe, on a busy 2-core machine
        assertThat(startup).as("start-up without a broker").isLessThan(Duration.ofSeconds(60));

        proxy.start();
        String step = "step-" + UUID.randomUUID();
        send(instance, step);

        Received received = instance.getBean(Received.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> received.subjects.contains(step));
    }

    @SuppressWarnings("unchecked")
    private static void send(ConfigurableApplicationContext context, String step) {
        KafkaTemplate<String, byte[]> kafka = context.getBean(KafkaTemplate.class);
        try {
            kafka.send(Envelopes.of(TYPE, UUID.randomUUID().toString(), step, "{\"step\":\"" + step + "\"}")
                    .toProducerRecord(Topics.FULFILLMENT_EVENTS.name())).get();
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
        Consumer<Message<byte[]>> steps(EventConsumers consumers, Received received) {
            return consumers.idempotent(StepCompleted.class, received::add);
        }
    }
}
