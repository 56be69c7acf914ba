package dev.portal.sim.operations;

import dev.portal.platform.errors.LimitReached;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Plan, voice option and network type changes of one line need a minimum interval between them; this one came
 * too soon. Answered 409 with {@code Retry-After} and the next allowed time.
 */
public class ChangeTooSoon extends LimitReached {

    ChangeTooSoon(Duration interval, Instant nextAllowedAt, Duration retryAfter) {
        super("change-too-soon", "Change too soon",
                "Plan, voice option and network type changes of a line need " + interval.toMinutes()
                        + " minutes between them; the next one is allowed at " + nextAllowedAt + ".",
                retryAfter, Map.of("nextAllowedAt", nextAllowedAt.toString()));
    }

    @Override
    public boolean asConflict() {
        return true;
    }
}
