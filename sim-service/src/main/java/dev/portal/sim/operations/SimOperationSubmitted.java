package dev.portal.sim.operations;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A SIM operation was submitted: Freebit accepted it and is carrying it out. Key: the SIM id. */
@EventType("portal.sim.operation-submitted.v1")
public record SimOperationSubmitted(UUID operationId, long simId, UUID userId, String kind, String status,
        LocalDate effectiveDate, String reason, Instant at) implements SimOperationEvent {
}
