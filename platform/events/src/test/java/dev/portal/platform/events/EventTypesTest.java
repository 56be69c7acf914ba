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
                .hasMessageContaining("<domain>.<entity>.<past-tense>.v<N>");
    }

    @Test
    void rejects_two_classes_claiming_one_type() {
        assertThatThrownBy(() -> EventTypes.of(Happened.class, HappenedAgain.class))
                .hasMessageContaining("claimed by both");
    }

    @Test
    void topic_names_follow_owner_entity_kind_and_dead_letters_keep_partitions() {
        assertThat(Topics.all()).allSatisfy(topic -> assertThat(topic.name().split("\\.")).hasSizeGreaterThanOrEqualTo(3));
        assertThat(Topics.ORDER_EVENTS.deadLetter()).isEqualTo(new Topic("orders.order.events.dlt", 6));
        assertThatThrownBy(() -> new Topic("OrderEvents", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    }
}
