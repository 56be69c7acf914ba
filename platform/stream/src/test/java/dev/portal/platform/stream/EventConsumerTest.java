package dev.portal.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.EventType;
import dev.portal.platform.events.EventTypes;
import dev.portal.platform.events.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class EventConsumerTest {

    sealed interface CatalogChange permits EntryChanged, ProductChanged {
        String recordId();
    }

    @EventType("salesforce.cdc.entry.changed.v1")
    record EntryChanged(String recordId) implements CatalogChange {
    }

    @EventType("salesforce.cdc.product.changed.v1")
    record ProductChanged(String recordId) implements CatalogChange {
    }

    record NoWireType(String id) {
    }

    final List<Object> handled = new ArrayList<>();
    final EventConsumers consumers = new EventConsumers(new EventCodec(EventTypes.of()), null);

    @Test
    void a_sealed_interface_reads_each_permitted_record_by_its_wire_type() {
        EventConsumer<CatalogChange> consumer = consumers.idempotent(CatalogChange.class, (event, envelope) -> handled.add(event));

        consumer.accept(message("salesforce.cdc.product.changed.v1", "{\"recordId\":\"01t1\"}"));
        consumer.accept(message("salesforce.cdc.entry.changed.v1", "{\"recordId\":\"01u1\"}"));

        assertThat(consumer.types()).containsExactlyInAnyOrder("salesforce.cdc.entry.changed.v1", "salesforce.cdc.product.changed.v1");
        assertThat(handled).containsExactly(new ProductChanged("01t1"), new EntryChanged("01u1"));
    }

    @Test
    void an_event_of_a_type_the_consumer_does_not_read_is_malformed_so_it_is_dead_lettered_at_once() {
        EventConsumer<EntryChanged> consumer = consumers.idempotent(EntryChanged.class, (event, envelope) -> handled.add(event));

        assertThatThrownBy(() -> consumer.accept(message("salesforce.cdc.product.changed.v1", "{}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("salesforce.cdc.product.changed.v1");
        assertThat(handled).isEmpty();
    }

    @Test
    void on_a_shared_topic_other_types_are_skipped() {
        EventConsumer<EntryChanged> consumer = consumers.idempotent(EntryChanged.class, (event, envelope) -> handled.add(event))
                .ignoringOtherTypes();

        consumer.accept(message("salesforce.cdc.product.changed.v1", "{}"));
        consumer.accept(message("salesforce.cdc.entry.changed.v1", "{\"recordId\":\"01u2\"}"));

        assertThat(handled).containsExactly(new EntryChanged("01u2"));
    }

    @Test
    void a_message_that_is_not_a_cloud_event_or_has_no_value_is_malformed() {
        EventConsumer<EntryChanged> consumer = consumers.idempotent(EntryChanged.class, (event, envelope) -> handled.add(event))
                .ignoringOtherTypes();
        Message<byte[]> plain = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, "test.topic").build();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Message<byte[]> tombstone = (Message) MessageBuilder.withPayload(KafkaNull.INSTANCE).build();

        assertThatThrownBy(() -> consumer.accept(plain)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("is not a CloudEvent");
        assertThatThrownBy(() -> consumer.accept(tombstone)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("no value");
    }

    @Test
    void data_that_does_not_fit_the_record_is_malformed() {
        EventConsumer<EntryChanged> consumer = consumers.idempotent(EntryChanged.class, (event, envelope) -> handled.add(event));

        assertThatThrownBy(() -> consumer.accept(message("salesforce.cdc.entry.changed.v1", "{\"recordId\":")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unreadable data");
    }

    @Test
    void a_class_that_names_no_wire_type_is_refused_when_the_consumer_is_made() {
        assertThatThrownBy(() -> consumers.idempotent(NoWireType.class, (event, envelope) -> handled.add(event)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(NoWireType.class.getName());
    }

    @Test
    void an_inbox_consumer_needs_the_inbox_and_a_name_of_the_form_service_feature() {
        EventConsumers withInbox = new EventConsumers(new EventCodec(EventTypes.of()), (consumer, envelope, effect) -> true);

        assertThatThrownBy(() -> consumers.inbox("test.changes", EntryChanged.class, (event, envelope) -> handled.add(event)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("platform-inbox");
        assertThatThrownBy(() -> withInbox.inbox("Changes", EntryChanged.class, (event, envelope) -> handled.add(event)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<service>.<feature>");
    }

    @Test
    void an_inbox_consumer_runs_the_handler_through_the_inbox_under_its_name() {
        List<String> receipts = new ArrayList<>();
        EventConsumers withInbox = new EventConsumers(new EventCodec(EventTypes.of()), (consumer, envelope, effect) -> {
            receipts.add(consumer + "/" + envelope.id());
            effect.run();
            return true;
        });
        EventConsumer<EntryChanged> consumer = withInbox.inbox("test.changes", EntryChanged.class, (event, envelope) -> handled.add(event));

        consumer.accept(message("salesforce.cdc.entry.changed.v1", "{\"recordId\":\"01u3\"}"));

        assertThat(receipts).containsExactly("test.changes/event-1");
        assertThat(handled).containsExactly(new EntryChanged("01u3"));
    }

    /** A message as the Kafka binder delivers it: CloudEvents headers as the bytes received. */
    private static Message<byte[]> message(String type, String json) {
        EventEnvelope envelope = Envelopes.of(type, "event-1", "subject-1", json);
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(envelope.data())
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, "test.topic").setHeader(KafkaHeaders.RECEIVED_PARTITION, 0)
                .setHeader(KafkaHeaders.OFFSET, 7L);
        envelope.toProducerRecord("test.topic").headers().forEach(header -> builder.setHeader(header.key(), header.value()));
        return builder.build();
    }
}
