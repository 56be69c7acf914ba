package dev.portal.platform.saga;

/**
 * Told of every change of a saga's steps, inside the transaction that records the change, so that what it writes
 * (an event through the outbox, a read model row) commits with the change or not at all. A definition names one
 * with {@link SagaDefinition.Builder#onChange}.
 *
 * <p>It runs on the engine's bookkeeping path: an exception rolls the record back and stops the run like a failed
 * database write (the instance resumes when its lease expires), so it must only write this service's database.
 */
@FunctionalInterface
public interface SagaListener<D> {

    void changed(StepChange<D> change);
}
