package dev.portal.notification.stream;

import dev.portal.platform.errors.LimitReached;
import java.time.Duration;

/** This instance holds as many streams as its memory is sized for: 429 before any stream starts; another instance may have room. */
final class StreamCapacityReached extends LimitReached {

    StreamCapacityReached() {
        super("stream-capacity-reached", "Stream capacity reached",
                "No more event streams can be opened right now; try again shortly.", Duration.ofSeconds(2));
    }
}
