package dev.portal.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An immutable past-tense fact, usually a record annotated with {@link EventType}. Its aggregate id becomes
 * the Kafka key, so all events of one aggregate land on one partition, in order.
 */
public interface DomainEvent {

    @JsonIgnore
    String aggregateId();
}
