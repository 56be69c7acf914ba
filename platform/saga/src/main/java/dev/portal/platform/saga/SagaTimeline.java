package dev.portal.platform.saga;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A saga instance as support sees it: its status and reason, and every step it ran in either direction with its
 * status, attempts, last error and times, in the order they happened. No saga data (it may hold personal data).
 */
public record SagaTimeline(UUID instanceId, String saga, String businessKey, SagaStatus status, String currentStep,
                           String waitingFor, String reason, Instant createdAt, Instant updatedAt, Instant finishedAt,
                           Instant nextAttemptAt, List<Entry> steps) {

    /** One line of the step log. */
    public record Entry(String step, Direction direction, StepStatus status, int attempts, String lastError,
                        Instant startedAt, Instant finishedAt) {
    }

    static SagaTimeline of(SagaInstance instance, List<SagaStep> log) {
        return new SagaTimeline(instance.id(), instance.sagaName(), instance.businessKey(), instance.status(),
                instance.currentStep(), instance.waitingFor(), instance.reason(), instance.createdAt(), instance.updatedAt(),
                instance.finishedAt(), instance.nextAttemptAt(),
                log.stream().map(line -> new Entry(line.step(), line.direction(), line.status(), line.attempts(),
                        line.lastError(), line.startedAt(), line.finishedAt())).toList());
    }

    /** The log line of {@code step} in {@code direction}, if it ran. */
    public java.util.Optional<Entry> entry(String step, Direction direction) {
        return steps.stream().filter(e -> e.step().equals(step) && e.direction() == direction).findFirst();
    }
}
