package dev.portal.notification.feed;

import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.EventTypes;
import dev.portal.platform.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The notifications binding's consumer: every record of the topic, on every instance (an instance-unique group).
 * It reads the envelope like platform-stream's consumers do, and keeps the record's partition and offset, which
 * become the SSE id. A record that is not a readable notification is skipped and reported by the container (dead
 * letters are off: every instance would write the same one).
 */
final class IncomingNotifications implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(IncomingNotifications.class);
    static final String TYPE = EventTypes.typeOf(NotificationPublished.class);
    /** The SSE event name: dotted kebab-case, as {@code Notifications.publish} checks it; never a line break. */
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private final EventCodec codec;
    private final RecentNotifications recent;
    private final Clock clock;
    private final Timer lag;

    IncomingNotifications(EventCodec codec, RecentNotifications recent, Clock clock, MeterRegistry meters) {
        this.codec = codec;
        this.recent = recent;
        this.clock = clock;
        this.lag = Timer.builder("portal.notification.lag")
                .description("from a notification's Kafka timestamp to its delivery to this instance's streams").register(meters);
    }

    @Override
    public void accept(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        Position position = new Position(header(headers, KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                header(headers, KafkaHeaders.OFFSET, Long.class));
        Notification notification;
        try {
            notification = read(message, position);
        } catch (MalformedEventException e) {
            recent.skipped(position);
            throw e;
        }
        if (notification == null) {
            recent.skipped(position);
            return;
        }
        recent.append(notification);
        lag.record(Duration.between(notification.recordedAt(), clock.instant()));
    }

    private Notification read(Message<byte[]> message, Position position) {
        EventEnvelope envelope = envelope(message, position);
        if (!TYPE.equals(envelope.type())) {
            log.trace("skips {} of type {} at {}", envelope.id(), envelope.type(), position);
            return null;
        }
        NotificationPublished event = codec.deserialize(envelope, NotificationPublished.class);
        if (event.notificationId() == null || event.userId() == null || event.type() == null
                || !EVENT_NAME.matcher(event.type()).matches() || event.data() == null || !event.data().isObject()) {
            throw new MalformedEventException("notification " + envelope.id() + " at " + position
                    + " lacks its id, user, a dotted kebab-case type or a data object");
        }
        Long timestamp = message.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP, Long.class);
        Instant recordedAt = timestamp == null ? event.occurredAt() : Instant.ofEpochMilli(timestamp);
        return new Notification(position, event.notificationId(), new UserId(event.userId().toString()), event.type(),
                event.data().toString(), recordedAt);
    }

    // The binder hands Kafka headers over as message headers (byte[] as received, or String); CloudEvents reads Kafka's.
    private static EventEnvelope envelope(Message<byte[]> message, Position position) {
        RecordHeaders headers = new RecordHeaders();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.add(name, bytes);
            } else if (value instanceof String text) {
                headers.add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return EventEnvelope.from(headers, message.getPayload(), "notifications-" + position);
    }

    private static <T> T header(MessageHeaders headers, String name, Class<T> type) {
        T value = headers.get(name, type);
        if (value == null) {
            throw new IllegalStateException("the Kafka binder did not set " + name);
        }
        return value;
    }
}
