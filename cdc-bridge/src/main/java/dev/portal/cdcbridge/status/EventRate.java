package dev.portal.cdcbridge.status;

import java.time.Clock;

/** Events per second over the last minute, in one-second buckets. */
final class EventRate {

    private static final int SECONDS = 60;

    private final Clock clock;
    private final long[] counts = new long[SECONDS];
    private final long[] stamps = new long[SECONDS];

    EventRate(Clock clock) {
        this.clock = clock;
    }

    synchronized void record() {
        long second = clock.millis() / 1000;
        int slot = (int) (second % SECONDS);
        if (stamps[slot] != second) {
            stamps[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    synchronized double perSecond() {
        long now = clock.millis() / 1000;
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (now - stamps[i] < SECONDS) {
                total += counts[i];
            }
        }
        return total / (double) SECONDS;
    }
}
