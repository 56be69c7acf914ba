package dev.portal.platform.saga;

import java.util.Set;

/**
 * Where a saga instance stands. Only {@link SagaInstance}'s transition methods move an instance between these;
 * an illegal move throws {@link IllegalSagaTransition}.
 */
public enum SagaStatus {
    /** A process holds the lease and is executing forward steps (or died doing so: its lease will expire). */
    RUNNING,
    /** A forward step waits: for its next attempt after a transient failure, or for a signal. */
    WAITING,
    /** A step failed permanently; the completed steps are being compensated, newest first (also between retries). */
    COMPENSATING,
    /** Every step succeeded. */
    COMPLETED,
    /** A step failed permanently and every completed step with a compensation was compensated. */
    COMPENSATED,
    /** A step (or a compensation) ran out of attempts; an operator retries it once the cause is fixed. */
    PARKED,
    /** A compensation failed permanently: the saga could not be undone and needs a person. */
    FAILED;

    static final Set<SagaStatus> ACTIVE = Set.of(RUNNING, WAITING, COMPENSATING);

    /** No step will run again without an operator: completed, compensated or failed. */
    public boolean isFinished() {
        return this == COMPLETED || this == COMPENSATED || this == FAILED;
    }

    /** Steps may still run on their own: running, waiting or compensating. */
    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
