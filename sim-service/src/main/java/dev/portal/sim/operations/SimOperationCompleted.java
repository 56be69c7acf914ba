package dev.portal.sim.operations;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A SIM operation was completed: Freebit reports it done. Key: the SIM id. */
@EventType("portal.sim.operation-completed.v1")
public record SimOperationCompleted(UUID operationId, long simId, UUID userId, String kind, String status,
        LocalDate effectiveDate, String reason, Instant at) implements SimOperationEvent {
}
