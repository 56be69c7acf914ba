package dev.portal.notification.feed;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * This service's reading of {@code portal.notification.published.v1} (written by any service through platform-outbox's
 * {@code Notifications}): the data stays a JSON tree, sent to the browser as it came.
 */
@EventType("portal.notification.published.v1")
record NotificationPublished(UUID notificationId, UUID userId, String type, JsonNode data, Instant occurredAt) {
}
