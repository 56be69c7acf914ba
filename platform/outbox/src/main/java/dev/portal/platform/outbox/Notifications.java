package dev.portal.platform.outbox;

import dev.portal.platform.events.Topics;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How any service tells a user something in the browser: a {@link NotificationPublished} written through the
 * outbox in the transaction of the change it reports, so a notification exists exactly when its change does.
 * notification-service fans them out over SSE.
 */
public class Notifications {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    public Notifications(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Publishes {@code data} (a record or map, rendered as a JSON object) to {@code userId} as SSE event {@code type}.
     *
     * @param type dotted kebab-case, {@code <domain>.<what-happened>}, e.g. {@code order.status-changed}
     * @return the notification id
     * @throws IllegalStateException outside a transaction (see {@link Outbox#publish})
     */
    public UUID publish(UUID userId, String type, Object data) {
        if (userId == null) {
            throw new IllegalArgumentException("a notification needs its user");
        }
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("a notification type is dotted kebab-case like order.status-changed, was " + type);
        }
        Map<String, Object> body = json.convertValue(data, OBJECT);
        UUID id = UUID.randomUUID();
        outbox.publish(Topics.NOTIFICATIONS, new NotificationPublished(id, userId, type, body, clock.instant()));
        return id;
    }
}
