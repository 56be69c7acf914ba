package dev.portal.platform.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvent read from Kafka in binary mode ({@code ce_*} headers, data as the value), as a test sees it. The
 * platform's own {@code EventEnvelope.from(event.record())} reads the same record when a test wants the typed event.
 *
 * @param headers every header of the record, as UTF-8 text
 */
public record ReceivedEvent(String topic, int partition, long offset, String key, String id, String type, URI source,
                            String subject, OffsetDateTime time, String dataContentType, byte[] data,
                            Map<String, String> headers, ConsumerRecord<String, byte[]> record) {

    /** Decodes the record; empty when it carries no {@code ce_id} and {@code ce_type} (it is not an event). */
    static Optional<ReceivedEvent> of(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        String id = headers.get("ce_id");
        String type = headers.get("ce_type");
        if (id == null || type == null) {
            return Optional.empty();
        }
        String source = headers.get("ce_source");
        String time = headers.get("ce_time");
        return Optional.of(new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(), id, type,
                source == null ? null : URI.create(source), headers.get("ce_subject"),
                time == null ? null : OffsetDateTime.parse(time), headers.get("content-type"),
                record.value() == null ? new byte[0] : record.value(), Map.copyOf(headers), record));
    }

    /** The data as JSON. */
    public JsonNode json() {
        return ApiClient.jsonMapper().readTree(data);
    }

    /** The data read into {@code type} (a test's own view of the event, or the event record itself). */
    public <T> T data(Class<T> type) {
        return ApiClient.jsonMapper().readValue(data, type);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public String toString() {
        return type + " " + id + " key=" + key + " at " + topic + "-" + partition + "@" + offset;
    }
}
