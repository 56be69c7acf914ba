package dev.portal.platform.saga;

import java.util.UUID;

/** A saga instance with its typed data and its timeline, as the application reads it. */
public record SagaSnapshot<D>(D data, SagaTimeline timeline) {

    public UUID id() {
        return timeline.instanceId();
    }

    public SagaStatus status() {
        return timeline.status();
    }

    public String reason() {
        return timeline.reason();
    }

    /** Whether {@code step} has executed successfully (and has not been compensated since). */
    public boolean hasCompleted(String step) {
        boolean executed = timeline.entry(step, Direction.EXECUTE).filter(e -> e.status() == StepStatus.SUCCEEDED).isPresent();
        boolean undone = timeline.entry(step, Direction.COMPENSATE).filter(e -> e.status() == StepStatus.SUCCEEDED).isPresent();
        return executed && !undone;
    }

    /** Attempts of {@code step} in {@code direction} so far (0 when it never ran). */
    public int attempts(String step, Direction direction) {
        return timeline.entry(step, direction).map(SagaTimeline.Entry::attempts).orElse(0);
    }
}
