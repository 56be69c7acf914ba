package dev.portal.clients.support;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.function.Supplier;

/**
 * Runs the calls of one client to one external system through its circuit breaker, retries the ones that are
 * safe to repeat, and observes each (timer {@code portal.client.calls} and a tracing span, tagged with system,
 * operation and outcome). Breaker and retry metrics are published as {@code resilience4j_*} meters.
 */
public final class ExternalCalls {

    /** Whether a call may be sent again after a timeout or a dropped connection. */
    public enum Repeat {
        /** Reads, and writes the external system deduplicates (idempotency key, upsert by key). */
        SAFE,
        /** Writes that could be applied twice: sent once; a timeout is reported, never retried. */
        ONCE
    }

    private final String system;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final ObservationRegistry observations;

    public ExternalCalls(String system, HttpSettings settings, MeterRegistry meters, ObservationRegistry observations) {
        this.system = system;
        this.observations = observations;
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerWindow())
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(ExternalCalls::systemFailed)
                .build());
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(e -> systemFailed(e) && !(e instanceof CircuitOpenException))
                .build());
        this.breaker = breakers.circuitBreaker(system);
        this.retry = retries.retry(system);
        if (meters != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        }
    }

    /** For tests and tools: no metrics, no tracing. */
    public static ExternalCalls unobserved(String system, HttpSettings settings) {
        return new ExternalCalls(system, settings, null, ObservationRegistry.NOOP);
    }

    /**
     * Runs {@code call}; it must throw only {@link ExternalSystemException}s (or let a programming error through).
     * Transient failures count against the breaker and, for {@link Repeat#SAFE} calls, are retried with backoff.
     */
    public <T> T call(String operation, Repeat repeat, Supplier<T> call) {
        Supplier<T> guarded = () -> {
            try {
                return breaker.executeSupplier(call);
            } catch (CallNotPermittedException e) {
                throw new CircuitOpenException(system, operation, e);
            }
        };
        Supplier<T> attempts = repeat == Repeat.SAFE ? Retry.decorateSupplier(retry, guarded) : guarded;
        Observation observation = Observation.createNotStarted("portal.client.calls", observations)
                .contextualName(system + " " + operation)
                .lowCardinalityKeyValue("system", system)
                .lowCardinalityKeyValue("operation", operation);
        observation.start();
        try (Observation.Scope ignored = observation.openScope()) {
            T result = attempts.get();
            observation.lowCardinalityKeyValue("outcome", "success");
            return result;
        } catch (ExternalSystemException e) {
            observation.lowCardinalityKeyValue("outcome", e.getClass().getSimpleName());
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** The breaker's state, for health details and tests. */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** The external system this instance guards. */
    public String system() {
        return system;
    }

    private static boolean systemFailed(Throwable e) {
        return e instanceof ExternalSystemException external && external.transientFailure();
    }
}
