package dev.portal.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void the_wait_doubles_per_attempt_up_to_the_cap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.0, () -> 0.5);

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1_000)).as("no overflow").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitter_takes_a_random_share_off_the_wait() {
        assertThat(new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(1), 0.5, () -> 0.0).after(1)).isEqualTo(Duration.ofSeconds(8));
        assertThat(new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(1), 0.5, () -> 1.0).after(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(1), 0.25, () -> 0.5).after(1)).isEqualTo(Duration.ofSeconds(7));
    }
}
