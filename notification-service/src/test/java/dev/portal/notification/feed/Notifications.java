package dev.portal.notification.feed;

import java.time.Instant;
import java.util.UUID;

/** Notifications for unit tests: a user's notification at a position, recorded at a given time. */
final class Notifications {

    private Notifications() {
    }

    static Notification at(UserId user, int partition, long offset, Instant recordedAt) {
        return new Notification(new Position(partition, offset), UUID.randomUUID(), user, "order.status-changed",
                "{\"offset\":" + offset + "}", recordedAt);
    }
}
