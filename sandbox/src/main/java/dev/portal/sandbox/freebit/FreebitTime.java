package dev.portal.sandbox.freebit;

import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Owns the Freebit simulator's advanceable {@link FreebitClock}. The clock itself is not a bean: other simulators
 * look up a {@link java.time.Clock} bean for their own time, and moving Freebit's time must not move theirs.
 */
@Component
class FreebitTime {

    private final FreebitClock clock;

    FreebitTime(Clock clock) {
        this.clock = new FreebitClock(clock);
    }

    FreebitClock clock() {
        return clock;
    }
}
