package dev.portal.sandbox.freebit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The Freebit simulator's clock: real time plus an offset the admin API can set or advance, so tests see
 * 30-minute operations complete without waiting. {@link #reset()} puts it back to real time.
 */
class FreebitClock extends Clock {

    private final Clock real;
    private volatile Duration offset = Duration.ZERO;

    FreebitClock(Clock real) {
        this.real = real;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock is UTC; convert instants instead");
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    synchronized Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset = offset.plus(by);
        return instant();
    }

    synchronized Instant set(Instant now) {
        offset = Duration.between(real.instant(), now);
        return instant();
    }

    void reset() {
        offset = Duration.ZERO;
    }

    Duration offset() {
        return offset;
    }
}
