package dev.portal.platform.saga;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A saga instance ran out of attempts on a step and waits for an operator; published through the outbox on the
 * topic its definition names ({@link SagaDefinition.Builder#parkedEventsTo}). Key: the instance id. The business
 * key is included, so definitions using this event must have keys that are ids, not personal data.
 */
@EventType("portal.saga.parked.v1")
public record SagaParked(UUID instanceId, String saga, String businessKey, String step, Direction direction, int attempts,
                         String reason, Instant parkedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return instanceId.toString();
    }
}
