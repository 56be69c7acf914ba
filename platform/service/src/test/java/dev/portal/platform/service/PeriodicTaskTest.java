package dev.portal.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void a_failed_run_does_not_stop_the_runs_after_it() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("flaky", Duration.ZERO, Duration.ofMillis(10), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly unreachable");
            }
        });

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        } finally {
            task.stop();
        }
    }

    @Test
    void no_run_starts_after_stop() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("counting", Duration.ZERO, Duration.ofMillis(10), runs::incrementAndGet);
        task.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 1);

        task.stop();
        int afterStop = runs.get();
        Thread.sleep(100);

        assertThat(task.isRunning()).isFalse();
        assertThat(runs.get()).isLessThanOrEqualTo(afterStop + 1);
    }

    @Test
    void a_period_that_is_not_positive_is_refused() {
        assertThatThrownBy(() -> new PeriodicTask("never", Duration.ZERO, Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never");
    }
}
