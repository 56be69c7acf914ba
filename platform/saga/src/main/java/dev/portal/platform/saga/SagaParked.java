package dev.portal.platform.saga;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A saga instance ran out of attempts on a step and waits for an operator; published through the outbox on the
 * topic its definition names ({@link SagaDefinition.Builder#parkedEventsTo}). Key: the instance id, which
 * {@code GET /actuator/sagas/{id}} shows. The business key and the data stay out: they may be personal data.
 */
@EventType("portal.saga.parked.v1")
public record SagaParked(UUID instanceId, String saga, String step, Direction direction, int attempts, String reason,
                         Instant parkedAt) implements DomainEvent {

    /** The generic event for a parked instance (a definition's own factory may fall back to it). */
    public static SagaParked of(ParkedSaga<?> parked) {
        return new SagaParked(parked.instanceId(), parked.saga(), parked.step(), parked.direction(), parked.attempts(),
                parked.reason(), parked.parkedAt());
    }

    @Override
    public String aggregateId() {
        return instanceId.toString();
    }
}
