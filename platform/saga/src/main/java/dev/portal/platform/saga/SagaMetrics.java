package dev.portal.platform.saga;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code portal.saga.steps} (timer: saga, step, direction, outcome), {@code portal.saga.parked} (saga, step) and
 * {@code portal.saga.finished} (saga, outcome). Gauges of current counts are {@link SagaMonitor}'s.
 */
final class SagaMetrics {

    private final MeterRegistry meters;

    SagaMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void step(String saga, String step, Direction direction, String outcome, Duration took) {
        Timer.builder("portal.saga.steps").description("saga step attempts by outcome")
                .tags("saga", saga, "step", step, "direction", direction.name().toLowerCase(java.util.Locale.ROOT), "outcome", outcome)
                .register(meters).record(took);
    }

    void parked(String saga, String step) {
        Counter.builder("portal.saga.parked").description("saga instances parked after their last attempt")
                .tags("saga", saga, "step", step).register(meters).increment();
    }

    void finished(String saga, SagaStatus status) {
        Counter.builder("portal.saga.finished").description("saga instances that finished, by how")
                .tags("saga", saga, "outcome", status.name().toLowerCase(java.util.Locale.ROOT)).register(meters).increment();
    }
}
