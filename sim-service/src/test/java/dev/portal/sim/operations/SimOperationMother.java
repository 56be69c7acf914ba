package dev.portal.sim.operations;

import dev.portal.sim.freebit.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Operations and lines for the aggregate's unit tests. */
final class SimOperationMother {

    static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static final UUID USER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private SimOperationMother() {
    }

    static SimOperation requested(OperationKind kind, Target target) {
        return SimOperation.request(UUID.randomUUID(), kind, target, 2, "09012345678", 1, USER, TODAY, NOW, NOW);
    }

    static SimOperation scheduled(OperationKind kind, Target target) {
        return SimOperation.request(UUID.randomUUID(), kind, target, 2, "09012345678", 1, USER, TODAY.plusDays(2),
                NOW.plusSeconds(2 * 86_400), NOW);
    }

    static SimOperation submitted(OperationKind kind, Target target) {
        SimOperation op = requested(kind, target);
        op.submitting(NOW);
        op.submitted(NOW);
        return op;
    }

    static Line line(String planCode, String networkType, Map<String, Boolean> voiceOptions, List<Line.PendingOrder> pending) {
        return new Line("09012345678", pending.isEmpty() ? "active" : "processing", planCode, networkType, false, null,
                "AX0000000000001", true, voiceOptions, 1024, LocalDate.of(2024, 4, 1), null, pending);
    }

    static Line.PendingOrder pending(String kind) {
        return new Line.PendingOrder(kind, null, Map.of());
    }
}
