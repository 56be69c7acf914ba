package dev.portal.platform.outbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.Topic;

/**
 * A domain event that knows where it goes: its topic, and (as every {@link DomainEvent}) its key, the aggregate id.
 * An {@link Aggregate} registers only these; when its repository saves it, {@link AggregateEventsToOutbox} writes
 * each one with {@link Outbox#publish} in the saving transaction.
 */
public interface OutboxEvent extends DomainEvent {

    @JsonIgnore
    Topic topic();
}
