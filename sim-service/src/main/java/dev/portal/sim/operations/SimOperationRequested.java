package dev.portal.sim.operations;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A SIM operation was requested: the customer asked for it; status REQUESTED (sent at once) or SCHEDULED (waiting for its day). Key: the SIM id. */
@EventType("portal.sim.operation-requested.v1")
public record SimOperationRequested(UUID operationId, long simId, UUID userId, String kind, String status,
        LocalDate effectiveDate, String reason, Instant at) implements SimOperationEvent {
}
