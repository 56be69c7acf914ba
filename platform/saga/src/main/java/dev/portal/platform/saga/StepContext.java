package dev.portal.platform.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a step sees of its saga on one attempt: the data, the idempotency key, the attempt number, the signals
 * received so far; and the ways to end the attempt.
 */
public final class StepContext<D> {

    private final UUID instanceId;
    private final String saga;
    private final String businessKey;
    private final String step;
    private final Direction direction;
    private final int attempt;
    private final D data;
    private final Map<String, Signal> signals;
    private final boolean timedOut;
    private final Instant now;
    private final Instant firstAttemptAt;
    private final String sagaReason;

    StepContext(UUID instanceId, String saga, String businessKey, String step, Direction direction, int attempt, D data,
                Map<String, Signal> signals, boolean timedOut, Instant now) {
        this(instanceId, saga, businessKey, step, direction, attempt, data, signals, timedOut, now, now, null);
    }

    StepContext(UUID instanceId, String saga, String businessKey, String step, Direction direction, int attempt, D data,
                Map<String, Signal> signals, boolean timedOut, Instant now, Instant firstAttemptAt, String sagaReason) {
        this.instanceId = instanceId;
        this.saga = saga;
        this.businessKey = businessKey;
        this.step = step;
        this.direction = direction;
        this.attempt = attempt;
        this.data = data;
        this.signals = Map.copyOf(signals);
        this.timedOut = timedOut;
        this.now = now;
        this.firstAttemptAt = firstAttemptAt;
        this.sagaReason = sagaReason;
    }

    public D data() {
        return data;
    }

    /**
     * {@code <instance id>:<step>} (with {@code :compensate} for the compensation): the same on every attempt of this
     * step of this instance. Pass it to an external system that deduplicates, or record intent under it.
     */
    public String idempotencyKey() {
        return instanceId + ":" + step + (direction == Direction.COMPENSATE ? ":compensate" : "");
    }

    public UUID instanceId() {
        return instanceId;
    }

    public String saga() {
        return saga;
    }

    public String businessKey() {
        return businessKey;
    }

    public String step() {
        return step;
    }

    public Direction direction() {
        return direction;
    }

    /** 1 on the first attempt of this step in this direction; more after retries, waits and crashes. */
    public int attempt() {
        return attempt;
    }

    /** Whether an earlier attempt of this step may have reached its participant (its effect may exist). */
    public boolean isRepeated() {
        return attempt > 1;
    }

    /** The signal {@code name}, if the instance has received it (at any time). */
    public Optional<Signal> signal(String name) {
        return Optional.ofNullable(signals.get(name));
    }

    /** True when this attempt runs because a {@link #waitFor} deadline passed without the signal. */
    public boolean timedOut() {
        return timedOut;
    }

    /** The engine's clock at the start of the attempt. */
    public Instant now() {
        return now;
    }

    /** When the first attempt of this step in this direction began (before any retry or wait). */
    public Instant firstAttemptAt() {
        return firstAttemptAt;
    }

    /**
     * The saga's reason as it stands: while compensating, why it is being undone (e.g. {@code "activate-sim failed:
     * ..."}), so a compensation can tell the participant why; otherwise the last wait's or retry's reason, or null.
     */
    public Optional<String> sagaReason() {
        return Optional.ofNullable(sagaReason);
    }

    public StepOutcome<D> done() {
        return new StepOutcome.Done<>(data);
    }

    public StepOutcome<D> done(D updated) {
        return new StepOutcome.Done<>(updated);
    }

    public StepOutcome<D> retryLater(String reason) {
        return new StepOutcome.RetryLater<>(reason, null);
    }

    /** Retries after a failure this step chose to treat as transient; the caller that started the run sees {@code cause}. */
    public StepOutcome<D> retryLater(RuntimeException cause) {
        return new StepOutcome.RetryLater<>(Failures.describe(cause), cause);
    }

    public StepOutcome<D> failed(String reason) {
        return new StepOutcome.Failed<>(reason, null);
    }

    /** Fails the step permanently with a domain error the caller that started the run can rethrow as it is. */
    public StepOutcome<D> failed(RuntimeException cause) {
        return new StepOutcome.Failed<>(Failures.describe(cause), cause);
    }

    /** Parks the saga on this step now, for a person to fix the cause and retry (see {@link StepOutcome.Park}). */
    public StepOutcome<D> park(String reason) {
        return new StepOutcome.Park<>(reason);
    }

    public StepOutcome<D> waitFor(String signal, Duration timeout) {
        return new StepOutcome.WaitForSignal<>(signal, timeout);
    }
}
