package dev.portal.sim.operations;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A SIM operation was cancelled: the customer cancelled it before it was sent. Key: the SIM id. */
@EventType("portal.sim.operation-cancelled.v1")
public record SimOperationCancelled(UUID operationId, long simId, UUID userId, String kind, String status,
        LocalDate effectiveDate, String reason, Instant at) implements SimOperationEvent {
}
