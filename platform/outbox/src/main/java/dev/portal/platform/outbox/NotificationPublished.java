package dev.portal.platform.outbox;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something a portal user should be told in the browser, on {@code Topics.NOTIFICATIONS} keyed by the user id
 * (so one user's notifications stay in order). {@code type} is what the browser sees as the SSE {@code event:}
 * (e.g. {@code order.status-changed}); {@code data} is the JSON it receives: only what that user may see, never
 * internal ids of other systems' secrets. Written with {@link Notifications#publish}.
 */
@EventType("portal.notification.published.v1")
public record NotificationPublished(UUID notificationId, UUID userId, String type, Map<String, Object> data,
                                    Instant occurredAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
