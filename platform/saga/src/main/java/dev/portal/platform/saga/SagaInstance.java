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
import org.hibernate.annotations.ColumnTransformer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of a saga: which step it is on, in which direction, its data (JSON), who holds its lease and when it is
 * due again. Every change of status goes through a method below that refuses an illegal one; the engine saves the
 * result with an optimistic {@code version}, so two processes never both move one instance.
 *
 * <p>Due: an active instance whose {@code nextAttemptAt} has passed and whose lease (if any) has expired. A running
 * instance is due when its lease expires, which is how the leader resumes a saga whose process died.
 */
@Entity
@Table(name = "saga_instances")
public class SagaInstance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    private UUID id;

    @Column(name = "saga_name", nullable = false, updatable = false)
    private String sagaName;

    @Column(name = "business_key", nullable = false, updatable = false)
    private String businessKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SagaStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    /** The step to execute next (forward) or to compensate next (backward); null when there is none left. */
    @Column(name = "current_step")
    private String currentStep;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private String data;

    /** Signals received so far, a JSON object of name to payload. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private String signals;

    @Column(name = "waiting_for")
    private String waitingFor;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When a step last succeeded (or the status last changed): what stuck detection measures. */
    @Column(name = "progressed_at", nullable = false)
    private Instant progressedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private Long version;

    protected SagaInstance() {
        // for JPA
    }

    /** A new instance, running its first step under {@code owner}'s lease. */
    public static SagaInstance start(UUID id, String sagaName, String businessKey, String firstStep, String data,
                                     String owner, Instant now, Instant leaseUntil) {
        SagaInstance instance = new SagaInstance();
        instance.id = Objects.requireNonNull(id);
        instance.sagaName = Objects.requireNonNull(sagaName);
        instance.businessKey = Objects.requireNonNull(businessKey);
        instance.status = SagaStatus.RUNNING;
        instance.direction = Direction.EXECUTE;
        instance.currentStep = Objects.requireNonNull(firstStep);
        instance.data = Objects.requireNonNull(data);
        instance.signals = "{}";
        instance.createdAt = now;
        instance.progressedAt = now;
        instance.lease(owner, now, leaseUntil);
        return instance;
    }

    // ---- transitions ------------------------------------------------------------------------------------------

    /**
     * Takes the lease to run the instance now: a due one (the leader), a waiting one a caller wants to retry at
     * once, or a running one whose process's lease has expired.
     */
    public void claim(String owner, Instant now, Instant leaseUntil) {
        require(isClaimable(now), "claim");
        if (status == SagaStatus.WAITING) {
            status = SagaStatus.RUNNING;
        }
        lease(owner, now, leaseUntil);
    }

    /** Whether a process may take the lease now (whatever {@code nextAttemptAt} says). */
    public boolean isClaimable(Instant now) {
        return status.isActive() && (leaseUntil == null || !leaseUntil.isAfter(now))
                && !(status == SagaStatus.WAITING && waitingFor != null && !hasSignal(waitingFor)
                && (nextAttemptAt == null || nextAttemptAt.isAfter(now)));
    }

    /** Extends the lease of the holder, at the start of each attempt. */
    public void renewLease(String owner, Instant now, Instant leaseUntil) {
        require(status == SagaStatus.RUNNING || status == SagaStatus.COMPENSATING, "renew the lease");
        requireLeasedBy(owner);
        lease(owner, now, leaseUntil);
    }

    /** The current step succeeded; {@code next} runs next in the same direction (null: none left). */
    public void stepSucceeded(String next, String newData, Instant now) {
        require(status == SagaStatus.RUNNING || status == SagaStatus.COMPENSATING, "record a succeeded step");
        currentStep = next;
        data = Objects.requireNonNull(newData);
        waitingFor = null;
        if (status == SagaStatus.RUNNING) {
            reason = null; // while compensating, the reason stays why the saga is being undone
        }
        progressedAt = now;
        touch(now);
    }

    public void complete(Instant now) {
        require(status == SagaStatus.RUNNING && currentStep == null, "complete");
        finish(SagaStatus.COMPLETED, now);
    }

    /**
     * A transient failure: the current step (either direction) is attempted again at {@code at}. While compensating,
     * the reason stays why the saga is being undone; the step log has the compensation's error.
     */
    public void retryAt(Instant at, String why, Instant now) {
        require(status == SagaStatus.RUNNING || status == SagaStatus.COMPENSATING, "schedule a retry");
        if (status == SagaStatus.RUNNING) {
            status = SagaStatus.WAITING;
            reason = why;
        }
        waitingFor = null;
        nextAttemptAt = at;
        releaseLease();
        touch(now);
    }

    /** The current forward step waits for {@code signal}, at most until {@code deadline} (null: no deadline). */
    public void waitFor(String signal, Instant deadline, Instant now) {
        require(status == SagaStatus.RUNNING, "wait for a signal");
        status = SagaStatus.WAITING;
        waitingFor = Objects.requireNonNull(signal);
        nextAttemptAt = deadline;
        reason = "waiting for " + signal;
        releaseLease();
        progressedAt = now;
        touch(now);
    }

    /** A waiting step was re-invoked (its signal came, or its deadline passed): it no longer waits. */
    public void stopWaiting() {
        waitingFor = null;
    }

    /**
     * Records a signal (its payload as JSON, the whole signals object). A step waiting for it becomes due at once;
     * a signal that comes early stays here for the step that will wait for it.
     *
     * @return false when the instance is finished or parked and ignores signals
     */
    public boolean receiveSignals(String allSignals, String signal, Instant now) {
        if (!status.isActive()) {
            return false;
        }
        signals = Objects.requireNonNull(allSignals);
        if (status == SagaStatus.WAITING && signal.equals(waitingFor)) {
            nextAttemptAt = now;
        }
        touch(now);
        return true;
    }

    /** A waiting step saw {@code signal} and waits again: that signal is used up, the step waits for the next one. */
    public void useSignals(String remaining, Instant now) {
        signals = Objects.requireNonNull(remaining);
        touch(now);
    }

    /** A forward step failed permanently: compensate, starting with {@code firstToCompensate} (null: nothing to undo). */
    public void startCompensating(String firstToCompensate, String why, Instant now) {
        require(status == SagaStatus.RUNNING, "start compensating");
        status = SagaStatus.COMPENSATING;
        direction = Direction.COMPENSATE;
        currentStep = firstToCompensate;
        waitingFor = null;
        reason = why;
        progressedAt = now;
        touch(now);
    }

    /** Every compensation is done. The reason the saga failed stays visible. */
    public void compensated(Instant now) {
        require(status == SagaStatus.COMPENSATING && currentStep == null, "end compensated");
        finish(SagaStatus.COMPENSATED, now);
    }

    /** The current step (either direction) ran out of attempts. */
    public void park(String why, Instant now) {
        require(status == SagaStatus.RUNNING || status == SagaStatus.COMPENSATING, "park");
        reason = status == SagaStatus.COMPENSATING ? why + " (compensating after: " + reason + ")" : why;
        status = SagaStatus.PARKED;
        nextAttemptAt = null;
        releaseLease();
        progressedAt = now;
        touch(now);
    }

    /** A compensation failed permanently. */
    public void fail(String why, Instant now) {
        require(status == SagaStatus.COMPENSATING, "fail");
        reason = why + " (compensating after: " + reason + ")";
        finish(SagaStatus.FAILED, now);
    }

    /** An operator retries a parked or failed instance: it continues in the direction it had, under {@code owner}. */
    public void retryByOperator(String owner, Instant now, Instant leaseUntil) {
        require(status == SagaStatus.PARKED || status == SagaStatus.FAILED, "retry by an operator");
        status = direction == Direction.EXECUTE ? SagaStatus.RUNNING : SagaStatus.COMPENSATING;
        finishedAt = null;
        reason = "retried by an operator after: " + reason;
        progressedAt = now;
        lease(owner, now, leaseUntil);
    }

    /** Parks an instance this process cannot run at all (no definition or step of that name here). */
    public void parkUnrunnable(String why, Instant now) {
        require(status.isActive(), "park");
        status = SagaStatus.PARKED;
        reason = why;
        nextAttemptAt = null;
        releaseLease();
        touch(now);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void finish(SagaStatus end, Instant now) {
        status = end;
        finishedAt = now;
        nextAttemptAt = null;
        waitingFor = null;
        progressedAt = now;
        releaseLease();
        touch(now);
    }

    private void lease(String owner, Instant now, Instant until) {
        leaseOwner = Objects.requireNonNull(owner);
        leaseUntil = until;
        // a running instance is due again when its lease runs out: that is how a dead process's saga resumes
        nextAttemptAt = until;
        touch(now);
    }

    private void releaseLease() {
        leaseOwner = null;
        leaseUntil = null;
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalSagaTransition("saga " + sagaName + " " + id + " cannot " + transition + " while " + status
                    + (currentStep == null ? "" : " on " + currentStep));
        }
    }

    /** Throws unless {@code owner} holds the lease. */
    public void requireLeasedBy(String owner) {
        if (!owner.equals(leaseOwner)) {
            throw new IllegalSagaTransition("saga " + sagaName + " " + id + " is not leased by " + owner);
        }
    }

    public boolean isLeasedBy(String owner) {
        return owner.equals(leaseOwner);
    }

    /** Whether the signal {@code name} has been received. */
    public boolean hasSignal(String name) {
        return signals != null && JSON.readTree(signals).has(name);
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public String sagaName() {
        return sagaName;
    }

    public String businessKey() {
        return businessKey;
    }

    public SagaStatus status() {
        return status;
    }

    public Direction direction() {
        return direction;
    }

    public String currentStep() {
        return currentStep;
    }

    public String data() {
        return data;
    }

    public String signals() {
        return signals;
    }

    public String waitingFor() {
        return waitingFor;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant progressedAt() {
        return progressedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Long version() {
        return version;
    }

    @Override
    public String toString() {
        return "SagaInstance[" + sagaName + " " + id + " " + status + (currentStep == null ? "" : " " + currentStep) + "]";
    }
}
