package dev.portal.platform.saga;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential back-off, capped, with a random share ("jitter") so that instances failing together spread out. */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    Backoff(Duration first, Duration max, double jitter, DoubleSupplier random) {
        this.first = first;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
    }

    /** The wait after failed attempt number {@code attempt} (1-based): first * 2^(attempt-1), at most max, minus jitter. */
    Duration after(int attempt) {
        long firstMillis = first.toMillis();
        long capMillis = max.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long millis = firstMillis > capMillis >> doublings ? capMillis : Math.min(capMillis, firstMillis << doublings);
        long random = Math.round(millis * jitter * random());
        return Duration.ofMillis(Math.max(1, millis - random));
    }

    private double random() {
        double value = random.getAsDouble();
        return value < 0 ? 0 : Math.min(value, 1);
    }
}
