package dev.portal.notification.stream;

import dev.portal.platform.errors.LimitReached;
import java.time.Duration;

/** A user already holds as many event streams on this instance as one may (browser tabs): 429 before any stream starts. */
final class TooManyStreams extends LimitReached {

    TooManyStreams(int perUser) {
        super("too-many-streams", "Too many event streams",
                "This account already has " + perUser + " event streams open; close one (a browser tab) first.",
                Duration.ofSeconds(10));
    }
}
