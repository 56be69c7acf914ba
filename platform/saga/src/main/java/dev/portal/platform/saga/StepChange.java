package dev.portal.platform.saga;

import java.time.Instant;
import java.util.UUID;

/**
 * One change a {@link SagaListener} is told of: an attempt of a step began ({@link StepStatus#STARTED}) or ended
 * (any other status), or the saga itself changed without a step (then {@code step} is null: it finished compensating
 * with nothing to undo, or it was parked because this service cannot run it).
 *
 * @param step        the step's name as defined (the forward name in both directions), or null
 * @param name        the name of what ran: the step's, or its compensation's own name when compensating
 * @param status      the step's status in its log after the change; null when {@code step} is null
 * @param resumedFrom the status the step's log line had before this attempt began: null on its first attempt,
 *                    {@link StepStatus#WAITING} when a waiting step runs again (its signal came or its deadline passed),
 *                    {@link StepStatus#RETRYING} after a back-off, {@link StepStatus#STARTED} after a crash
 * @param attempt     the attempt number (as {@link StepContext#attempt()}); 0 when {@code step} is null
 * @param reason      why the attempt did not succeed (the step's reason or the exception's description), or null
 * @param sagaReason  the saga's reason after the change: why it is compensating (also once the last compensation
 *                    succeeded), parked or waiting; null while it runs normally
 * @param sagaStatus  the instance's status after the change
 * @param data        the saga data after the change
 */
public record StepChange<D>(UUID instanceId, String saga, String businessKey, String step, Direction direction, String name,
                            StepStatus status, StepStatus resumedFrom, int attempt, String reason, String sagaReason,
                            SagaStatus sagaStatus,
                            D data, Instant at) {

    /** Whether the change is about a step (false: the saga's own change, see the type's description). */
    public boolean isStep() {
        return step != null;
    }
}
