package dev.portal.platform.saga;

import java.util.Optional;

/**
 * What a synchronous call into the engine (start, resume, signal, operator retry) did: the instance as it stands
 * afterwards, whether the call created it, and the exception that stopped this run's forward progress, if a step
 * threw one, so the caller can answer its own caller with it.
 */
public record SagaRun<D>(SagaSnapshot<D> saga, boolean created, Optional<RuntimeException> failure) {

    public SagaStatus status() {
        return saga.status();
    }

    public D data() {
        return saga.data();
    }

    public boolean isCompleted() {
        return saga.status() == SagaStatus.COMPLETED;
    }
}
