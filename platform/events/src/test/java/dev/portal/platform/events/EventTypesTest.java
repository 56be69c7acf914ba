package dev.portal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @EventType("portal.test.happened.v1")
    record Happened(String id) implements DomainEvent {
        @Override public String aggregateId() { return id; }
    }

    @EventType("portal.test.happened.v1")
    record HappenedAgain(String id) implements DomainEvent {
        @Override public String aggregateId() { return id; }
    }

    @EventType("orders.order-submitted.v1")
    record OwnPrefix(String id) implements DomainEvent {
        @Override public String aggregateId() { return id; }
    }

    @EventType("salesforce.cdc.order.changed.v1")
    record BridgedChange(String recordId) {
    }

    @EventType("HappenedEvent")
    record BadlyNamed(String id) implements DomainEvent {
        @Override public String aggregateId() { return id; }
    }

    record Unnamed(String id) implements DomainEvent {
        @Override public String aggregateId() { return id; }
    }

    @Test
    void maps_types_both_ways() {
        EventTypes types = EventTypes.of(Happened.class);
        assertThat(types.type(Happened.class)).isEqualTo("portal.test.happened.v1");
        assertThat(types.classOf("portal.test.happened.v1")).contains(Happened.class);
        assertThat(types.classOf("portal.test.other.v1")).isEmpty();
    }

    @Test
    void rejects_a_class_without_an_explicit_wire_type() {
        assertThatThrownBy(() -> EventTypes.of(Unnamed.class))
                .hasMessageContaining("no @EventType");
    }

    @Test
    void rejects_a_wire_type_without_domain_or_version() {
        assertThatThrownBy(() -> EventTypes.of(BadlyNamed.class))
                .hasMessageContaining("portal.<domain>.<past-tense>.v<N>");
    }

    @Test
    void a_wire_type_is_portal_domain_past_tense_version_or_a_bridged_salesforce_change() {
        assertThatThrownBy(() -> EventTypes.of(OwnPrefix.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventTypes.typeOf(BridgedChange.class)).isEqualTo("salesforce.cdc.order.changed.v1");
    }

    @Test
    void rejects_two_classes_claiming_one_type() {
        assertThatThrownBy(() -> EventTypes.of(Happened.class, HappenedAgain.class))
                .hasMessageContaining("claimed by both");
    }

    @Test
    void topic_names_follow_owner_entity_kind_and_dead_letters_keep_partitions() {
        assertThat(Topics.all()).filteredOn(topic -> topic != Topics.NOTIFICATIONS)
                .allSatisfy(topic -> assertThat(topic.name().split("\\.")).hasSize(3));
        assertThat(Topics.NOTIFICATIONS.name()).as("the suite-wide stream").isEqualTo("portal.notifications");
        assertThatThrownBy(() -> new Topic("orders.events", 1)).as("only portal streams leave out the kind")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic("orders.order.events.archive", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.ORDER_EVENTS.deadLetter()).isEqualTo(new Topic("orders.order.events.dlt", 6));
        assertThatThrownBy(() -> new Topic("OrderEvents", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    }
}
