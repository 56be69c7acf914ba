package dev.portal.platform.saga;

/**
 * What a step does in one direction. It returns an outcome ({@link StepContext#done()}, {@link StepContext#retryLater},
 * {@link StepContext#failed}, {@link StepContext#waitFor}) or throws; a thrown exception is classified: a
 * {@link dev.portal.platform.errors.DomainException} or an upstream refusal fails the step permanently, anything
 * else (an upstream that is away or slow, a database hiccup) is retried.
 *
 * <p>An action may run more than once for one instance (a retry, a resumed crash): use
 * {@link StepContext#idempotencyKey()} so that the second run finds the effect of the first instead of repeating it.
 */
@FunctionalInterface
public interface StepAction<D> {

    StepOutcome<D> apply(StepContext<D> context);
}
