package dev.portal.sim.operations;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A SIM operation failed: it ended without the change (Freebit refused it, or never confirmed it); {@code reason} says why. Key: the SIM id. */
@EventType("portal.sim.operation-failed.v1")
public record SimOperationFailed(UUID operationId, long simId, UUID userId, String kind, String status,
        LocalDate effectiveDate, String reason, Instant at) implements SimOperationEvent {
}
