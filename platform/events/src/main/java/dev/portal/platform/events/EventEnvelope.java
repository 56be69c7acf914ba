package dev.portal.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One event as it travels: CloudEvents 1.0 attributes, JSON data, the Kafka key and the W3C trace context.
 * On Kafka it is written in binary mode: attributes as {@code ce_*} headers, data as the record value,
 * {@code traceparent}/{@code tracestate} as plain headers so that tracing instrumentation picks them up.
 *
 * @param subject the aggregate the event is about (also the Kafka key)
 * @param traceContext W3C trace headers; empty when the event was produced outside a trace
 * @param extensions CloudEvents extension attributes by name (header {@code ce_changetype} is {@code changetype});
 *                   empty when the producer set none
 */
public record EventEnvelope(String id, String type, URI source, String subject, OffsetDateTime time,
                            String dataContentType, byte[] data, Map<String, String> traceContext,
                            Map<String, String> extensions) {

    public static final String JSON = "application/json";
    static final List<String> TRACE_HEADERS = List.of("traceparent", "tracestate", "baggage");

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        dataContentType = dataContentType == null ? JSON : dataContentType;
        traceContext = traceContext == null ? Map.of() : Map.copyOf(traceContext);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** An envelope without extension attributes, as the suite's own services write them. */
    public EventEnvelope(String id, String type, URI source, String subject, OffsetDateTime time,
                         String dataContentType, byte[] data, Map<String, String> traceContext) {
        this(id, type, source, subject, time, dataContentType, data, traceContext, Map.of());
    }

    /** An extension attribute, if the producer set it. */
    public Optional<String> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }

    /** The record to send: key = subject, so one aggregate's events stay on one partition in order. */
    public ProducerRecord<String, byte[]> toProducerRecord(String topic) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id).withType(type).withSource(source).withSubject(subject).withTime(time)
                .withDataContentType(dataContentType).withData(data);
        extensions.forEach(builder::withExtension);
        CloudEvent event = builder.build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, subject).writeBinary(event);
        traceContext.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * Reads a binary-mode CloudEvent from a consumed record.
     *
     * @throws MalformedEventException when the record is not a CloudEvent with the attributes the suite requires
     */
    public static EventEnvelope from(ConsumerRecord<String, byte[]> record) {
        return from(record.headers(), record.value(), record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    /**
     * Reads a binary-mode CloudEvent from Kafka headers and a value, wherever they were received.
     *
     * @param position where the record was read, for messages (e.g. {@code topic-0@42})
     * @throws MalformedEventException when they are not a CloudEvent with the attributes the suite requires
     */
    public static EventEnvelope from(Headers headers, byte[] value, String position) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("record " + position + " is not a CloudEvent: " + e.getMessage(), e);
        }
        if (event.getSubject() == null || event.getTime() == null || event.getData() == null) {
            throw new MalformedEventException("CloudEvent " + event.getId() + " at " + position
                    + " lacks subject, time or data");
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        for (String name : event.getExtensionNames()) {
            Object extension = event.getExtension(name);
            if (extension != null) {
                extensions.put(name, extension.toString());
            }
        }
        return new EventEnvelope(event.getId(), event.getType(), event.getSource(), event.getSubject(), event.getTime(),
                event.getDataContentType(), event.getData().toBytes(), traceContext(headers), extensions);
    }

    private static Map<String, String> traceContext(Headers headers) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String name : TRACE_HEADERS) {
            Header header = headers.lastHeader(name);
            if (header != null) {
                context.put(name, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return context;
    }

    // byte[] compares by identity in a record's generated equals; events are equal when their ids are.
    @Override
    public boolean equals(Object other) {
        return other instanceof EventEnvelope that && id.equals(that.id) && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source);
    }

    @Override
    public String toString() {
        return "EventEnvelope[id=" + id + ", type=" + type + ", subject=" + subject + ", time=" + time + "]";
    }
}
