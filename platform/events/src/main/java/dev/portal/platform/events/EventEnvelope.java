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
 */
public record EventEnvelope(String id, String type, URI source, String subject, OffsetDateTime time,
                            String dataContentType, byte[] data, Map<String, String> traceContext) {

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
    }

    /** The record to send: key = subject, so one aggregate's events stay on one partition in order. */
    public ProducerRecord<String, byte[]> toProducerRecord(String topic) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id).withType(type).withSource(source).withSubject(subject).withTime(time)
                .withDataContentType(dataContentType).withData(data)
                .build();
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
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("record " + position(record) + " is not a CloudEvent: " + e.getMessage(), e);
        }
        if (event.getSubject() == null || event.getTime() == null || event.getData() == null) {
            throw new MalformedEventException("CloudEvent " + event.getId() + " at " + position(record)
                    + " lacks subject, time or data");
        }
        return new EventEnvelope(event.getId(), event.getType(), event.getSource(), event.getSubject(), event.getTime(),
                event.getDataContentType(), event.getData().toBytes(), traceContext(record.headers()));
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

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
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
