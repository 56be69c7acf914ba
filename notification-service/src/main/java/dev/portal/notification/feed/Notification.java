package dev.portal.notification.feed;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as browsers get it: SSE {@code id} (its position), {@code event} (its type) and {@code data}.
 *
 * @param data       the producer's data object as JSON, rendered once and sent as it is to every stream of the user
 * @param recordedAt when the record was written to Kafka; the log forgets it {@code max-age} later
 */
public record Notification(Position position, UUID notificationId, UserId userId, String type, String data,
                           Instant recordedAt) {

    public long offset() {
        return position.offset();
    }
}
