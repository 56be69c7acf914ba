package dev.portal.platform.saga;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a saga's step log: a step in one direction, its status, how many attempts it took and why the last
 * one failed. Written by the engine in the transaction that records each attempt and its outcome.
 */
@Entity
@Table(name = "saga_steps")
public class SagaStep {

    @Id
    private UUID id;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private UUID instanceId;

    /** The order in which this instance's lines were written, for the timeline. */
    @Column(nullable = false, updatable = false)
    private int ordinal;

    @Column(nullable = false, updatable = false)
    private String step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepStatus status;

    @Column(nullable = false)
    private int attempts;

    /** {@link #attempts} when the step last waited for a signal: the attempts after it count towards parking. */
    @Column(name = "attempts_before_wait", nullable = false)
    private int attemptsBeforeWait;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected SagaStep() {
        // for JPA
    }

    /** The first attempt of {@code step} in {@code direction}. */
    public static SagaStep firstAttempt(UUID id, UUID instanceId, int ordinal, String step, Direction direction, Instant now) {
        SagaStep line = new SagaStep();
        line.id = Objects.requireNonNull(id);
        line.instanceId = Objects.requireNonNull(instanceId);
        line.ordinal = ordinal;
        line.step = Objects.requireNonNull(step);
        line.direction = Objects.requireNonNull(direction);
        line.status = StepStatus.STARTED;
        line.attempts = 1;
        line.startedAt = now;
        line.updatedAt = now;
        return line;
    }

    /** Another attempt: after a retry, a signal, a deadline, or a crash that left the last one {@code STARTED}. */
    public void nextAttempt(Instant now) {
        require(status != StepStatus.SUCCEEDED && status != StepStatus.FAILED && status != StepStatus.PARKED, "start another attempt");
        status = StepStatus.STARTED;
        attempts++;
        finishedAt = null;
        updatedAt = now;
    }

    public void succeeded(Instant now) {
        require(status == StepStatus.STARTED, "succeed");
        status = StepStatus.SUCCEEDED;
        finishedAt = now;
        updatedAt = now;
    }

    public void retrying(String error, Instant now) {
        require(status == StepStatus.STARTED, "be retried");
        status = StepStatus.RETRYING;
        lastError = error;
        updatedAt = now;
    }

    public void waiting(Instant now) {
        require(status == StepStatus.STARTED, "wait");
        status = StepStatus.WAITING;
        attemptsBeforeWait = attempts;
        updatedAt = now;
    }

    public void failed(String error, Instant now) {
        require(status == StepStatus.STARTED, "fail");
        status = StepStatus.FAILED;
        lastError = error;
        finishedAt = now;
        updatedAt = now;
    }

    public void parked(String error, Instant now) {
        require(status == StepStatus.STARTED, "be parked");
        status = StepStatus.PARKED;
        lastError = error;
        updatedAt = now;
    }

    /** An operator retries the step: it gets a fresh allowance of attempts; the last error stays visible. */
    public void retriedByOperator(Instant now) {
        require(status == StepStatus.PARKED || status == StepStatus.FAILED, "be retried by an operator");
        status = StepStatus.RETRYING;
        attempts = 0;
        attemptsBeforeWait = 0;
        finishedAt = null;
        updatedAt = now;
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalSagaTransition("step " + step + " (" + direction + ") of saga " + instanceId + " cannot "
                    + transition + " while " + status);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID instanceId() {
        return instanceId;
    }

    public int ordinal() {
        return ordinal;
    }

    public String step() {
        return step;
    }

    public Direction direction() {
        return direction;
    }

    public StepStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /**
     * Attempts since the step last waited for a signal (all of them when it never waited): what its attempt allowance
     * and back-off count, so that a step re-checking something on a schedule does not use up its retries by waiting.
     */
    public int attemptsSinceWait() {
        return attempts - attemptsBeforeWait;
    }

    public String lastError() {
        return lastError;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "SagaStep[" + step + " " + direction + " " + status + " x" + attempts + "]";
    }
}
