package dev.portal.sim.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An operation as the API shows it.
 *
 * @param kind          {@code top-up}, {@code plan-change}, {@code voice-options}, {@code network-type},
 *                      {@code cancellation} or {@code esim-reissue}
 * @param status        {@link OperationStatus}
 * @param effectiveDate the day the change takes effect (today for immediate ones)
 * @param scheduledFor  when the portal sends it to Freebit
 * @param reason        why it failed, for the customer
 * @param request       what was asked for ({@code quotaMb}, {@code planCode}, {@code networkType}, voice options, {@code eid})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationView(UUID id, long simId, String kind, String status, LocalDate effectiveDate, Instant scheduledFor,
                            Instant requestedAt, Instant submittedAt, Instant finishedAt, String reason,
                            Map<String, Object> request) {

    static OperationView of(SimOperation op) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        if (op.quotaMb() != null) {
            request.put("quotaMb", op.quotaMb());
        }
        if (op.planCode() != null) {
            request.put("planCode", op.planCode());
        }
        if (op.networkType() != null) {
            request.put("networkType", op.networkType());
        }
        request.putAll(op.voiceOptions());
        if (op.eid() != null) {
            request.put("eid", op.eid());
        }
        return new OperationView(op.id(), op.simId(), op.kind().wire(), op.status().name(), op.effectiveDate(), op.runAt(),
                op.requestedAt(), op.submittedAt(), op.finishedAt(), op.reason(), request);
    }
}
