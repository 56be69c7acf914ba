package dev.portal.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.saga.TripSaga.Trip;
import dev.portal.platform.saga.testing.SagaTestKit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stuck detection: active, not waiting for a signal, no progress for {@code stuck-after}. */
class SagaMonitorTest {

    private final SagaTestKit kit = SagaTestKit.create(SagaTestKit.properties(1_000, Duration.ofMinutes(1), Duration.ofMinutes(1)));
    private final TripSaga trip = new TripSaga();

    @Test
    void a_saga_retrying_without_progress_for_longer_than_stuck_after_is_counted_stuck() {
        trip.card.staysDown();
        UUID id = kit.start(trip.definition(), "trip-1", Trip.of("aiko")).saga().id();
        SagaMonitor monitor = kit.monitor();

        kit.advance(Duration.ofMinutes(10));
        assertThat(monitor.refresh().totalStuck()).isZero();

        for (int i = 0; i < 6; i++) {
            kit.advance(Duration.ofMinutes(1));
        }
        SagaMonitor.Counts counts = monitor.refresh();

        assertThat(counts.stuck()).containsEntry("trip", 1L);
        assertThat(counts.oldestStuck()).containsExactly(id);
        assertThat(counts.total(SagaStatus.WAITING)).isEqualTo(1);
        assertThat(kit.meters().get("portal.saga.stuck").tags("saga", "trip").gauge().value()).isEqualTo(1.0);
        assertThat(kit.meters().get("portal.saga.instances").tags("saga", "trip", "status", "waiting").gauge().value()).isEqualTo(1.0);
        assertThat(counts.onStep("trip", "charge-card")).isEqualTo(1);
        assertThat(counts.onStep("trip", "book-hotel")).isZero();
    }

    @Test
    void a_saga_waiting_for_a_signal_is_not_stuck() {
        kit.start(trip.confirmedDefinition(Duration.ofDays(7)), "trip-1", Trip.of("aiko"));

        kit.clock().advance(Duration.ofDays(1));

        assertThat(kit.monitor().refresh().totalStuck()).isZero();
    }
}
