package dev.portal.platform.saga;

import dev.portal.platform.errors.Conflict;
import java.util.UUID;

/** An operator asked to retry an instance that is not parked or failed: it is running, waiting or done. */
public class SagaNotRetryable extends Conflict {

    public SagaNotRetryable(UUID id, SagaStatus status) {
        super("saga-not-retryable", "Saga not retryable",
                "Saga instance " + id + " is " + status + "; only a parked or failed instance can be retried.");
    }
}
