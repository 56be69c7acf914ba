package dev.portal.identity.limits;

import dev.portal.platform.errors.LimitReached;
import java.time.Duration;

/** A rate limit's window is full: {@code 429 rate-limited} with {@code Retry-After} (whole seconds, at least 1). */
public class RateLimited extends LimitReached {

    RateLimited(Duration retryAfter) {
        super("rate-limited", "Too many requests", "Too many attempts. Try again in " + seconds(retryAfter) + " seconds.",
                retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
