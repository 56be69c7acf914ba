package dev.portal.platform.outbox;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;

/** A test event carrying its position in its aggregate's history, so order and gaps can be checked. */
@EventType("portal.test.step-taken.v1")
public record SequencedEvent(String aggregate, int sequence) implements DomainEvent {

    @Override
    public String aggregateId() {
        return aggregate;
    }
}
