package dev.portal.platform.stream;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Reads the envelope from a message the Kafka binder delivered: the binder maps every Kafka header to a message
 * header (byte[] as received, or String), the CloudEvents reader wants Kafka headers back.
 */
final class ReceivedMessages {

    private ReceivedMessages() {
    }

    static EventEnvelope envelope(Message<?> message) {
        String position = position(message.getHeaders());
        if (!(message.getPayload() instanceof byte[] value)) {
            throw new MalformedEventException("record " + position + " has no value to read (payload "
                    + message.getPayload().getClass().getSimpleName() + ")");
        }
        RecordHeaders headers = new RecordHeaders();
        message.getHeaders().forEach((name, header) -> {
            if (header instanceof byte[] bytes) {
                headers.add(name, bytes);
            } else if (header instanceof String text) {
                headers.add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return EventEnvelope.from(headers, value, position);
    }

    static String position(MessageHeaders headers) {
        return headers.get(KafkaHeaders.RECEIVED_TOPIC) + "-" + headers.get(KafkaHeaders.RECEIVED_PARTITION)
                + "@" + headers.get(KafkaHeaders.OFFSET);
    }
}
