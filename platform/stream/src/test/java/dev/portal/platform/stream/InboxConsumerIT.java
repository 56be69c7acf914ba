package dev.portal.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.platform.test.WithInfrastructure;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/**
 * A consumer made with {@link EventConsumers#inbox}: the binder delivers the record, the envelope and the typed
 * record are read from it, the effect runs once per event id, and the producer's trace continues in the handler.
 */
@SpringBootTest(classes = InboxConsumerIT.App.class, properties = {
        "spring.application.name=inbox-consumer-it",
        "spring.cloud.function.definition=mail",
        "spring.cloud.stream.bindings.mail-in-0.destination=portal.mail.requests",
        "spring.cloud.stream.bindings.mail-in-0.group=inbox-consumer-it"})
@WithInfrastructure
class InboxConsumerIT {

    static final String TOPIC = Topics.MAIL.name();

    @EventType("portal.mail.requested.v1")
    record MailRequested(UUID messageId, String to, String subject) {
    }

    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcClient jdbc;
    @Autowired Mailbox mailbox;

    @Test
    void an_event_redelivered_three_times_is_applied_once_with_its_typed_record() throws Exception {
        UUID message = UUID.randomUUID();
        EventEnvelope event = Envelopes.of("portal.mail.requested.v1", UUID.randomUUID().toString(), message.toString(),
                "{\"messageId\":\"" + message + "\",\"to\":\"ann@example.test\",\"subject\":\"Hello\",\"text\":\"unread field\"}");

        for (int i = 0; i < 3; i++) {
            kafka.send(event.toProducerRecord(TOPIC)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.deliveries(event.id()) == 3);
        assertThat(jdbc.sql("select recipient from mailbox where event_id = ?").param(event.id()).query(String.class).list())
                .containsExactly("ann@example.test");
        assertThat(mailbox.received.get(event.id())).isEqualTo(new MailRequested(message, "ann@example.test", "Hello"));
    }

    @Test
    void extension_attributes_and_the_producers_trace_reach_the_handler() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        UUID message = UUID.randomUUID();
        EventEnvelope event = Envelopes.withExtensions("portal.mail.requested.v1", UUID.randomUUID().toString(),
                message.toString(), "{\"messageId\":\"" + message + "\",\"to\":\"bo@example.test\",\"subject\":\"Hi\"}",
                Map.of("changetype", "UPDATE"), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        // a plain producer, as the outbox relay is: the template's own observation would start a trace of its own
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(event.toProducerRecord(TOPIC)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.deliveries(event.id()) == 1);
        assertThat(jdbc.sql("select change_type from mailbox where event_id = ?").param(event.id()).query(String.class).single())
                .isEqualTo("UPDATE");
        assertThat(mailbox.traceIds.get(event.id())).isEqualTo(traceId);
    }

    static class Mailbox {
        final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        final Map<String, MailRequested> received = new ConcurrentHashMap<>();
        final Map<String, String> traceIds = new ConcurrentHashMap<>();
        private final JdbcClient jdbc;
        private final Tracer tracer;

        Mailbox(JdbcClient jdbc, Tracer tracer) {
            this.jdbc = jdbc;
            this.tracer = tracer;
        }

        /** Counted outside the inbox, so a duplicate that the inbox skipped counts too. */
        void delivered(EventEnvelope envelope) {
            deliveries.merge(envelope.id(), 1, Integer::sum);
            if (tracer.currentSpan() != null) {
                traceIds.put(envelope.id(), tracer.currentSpan().context().traceId());
            }
        }

        void deliver(MailRequested mail, EventEnvelope envelope) {
            received.put(envelope.id(), mail);
            jdbc.sql("insert into mailbox (event_id, recipient, change_type) values (?, ?, ?)")
                    .params(envelope.id(), mail.to(), envelope.extension("changetype").orElse(null)).update();
        }

        int deliveries(String eventId) {
            return deliveries.getOrDefault(eventId, 0);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Mailbox mailbox(DataSource dataSource, Tracer tracer) {
            return new Mailbox(JdbcClient.create(dataSource), tracer);
        }

        @Bean
        Consumer<Message<byte[]>> mail(EventConsumers consumers, Mailbox mailbox) {
            EventConsumer<MailRequested> inbox = consumers.inbox("stream-test.mailbox", MailRequested.class, mailbox::deliver);
            return message -> {
                inbox.accept(message);
                mailbox.delivered(ReceivedMessages.envelope(message));
            };
        }
    }
}
