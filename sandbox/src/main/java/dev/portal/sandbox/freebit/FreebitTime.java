package dev.portal.sandbox.freebit;

import org.springframework.stereotype.Component;

/**
 * Owns the Freebit simulator's advanceable {@link SandboxClock}. The clock itself is not a bean: other simulators
 * look up a {@link java.time.Clock} bean for their own time, and moving Freebit's time must not move theirs.
 */
@Component
class FreebitTime {

    private final SandboxClock clock = new SandboxClock();

    SandboxClock clock() {
        return clock;
    }
}
