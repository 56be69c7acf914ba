package dev.portal.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns event records into JSON data and back, using the explicit wire type (never the class name).
 * Unknown JSON properties are ignored on read, so producers may add optional fields within a version.
 */
public final class EventCodec {

    private final JsonMapper json;
    private final EventTypes types;

    public EventCodec(EventTypes types) {
        this(types, JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    public EventCodec(EventTypes types, JsonMapper json) {
        this.types = types;
        this.json = json;
    }

    /** The wire type of an event; writing needs only its {@link EventType}, reading by type needs registration. */
    public String typeOf(DomainEvent event) {
        return EventTypes.typeOf(event.getClass());
    }

    public byte[] serialize(DomainEvent event) {
        typeOf(event); // a class without a valid wire type fails here, before anything is written
        return json.writeValueAsBytes(event);
    }

    /**
     * Decodes an envelope whose type must be the one of {@code eventClass}: any record with an {@link EventType},
     * so a consumer may read a producer's event into a record of its own holding only the fields it needs.
     */
    public <T> T deserialize(EventEnvelope envelope, Class<T> eventClass) {
        String expected = EventTypes.typeOf(eventClass);
        if (!expected.equals(envelope.type())) {
            throw new MalformedEventException("event " + envelope.id() + " has type " + envelope.type()
                    + ", expected " + expected);
        }
        return read(envelope, eventClass);
    }

    /** Decodes an envelope into whichever registered class carries its type. */
    public DomainEvent deserialize(EventEnvelope envelope) {
        Class<? extends DomainEvent> eventClass = types.classOf(envelope.type()).orElseThrow(() ->
                new MalformedEventException("event " + envelope.id() + " has unknown type " + envelope.type()));
        return read(envelope, eventClass);
    }

    private <T> T read(EventEnvelope envelope, Class<T> eventClass) {
        if (!EventEnvelope.JSON.equals(envelope.dataContentType())) {
            throw new MalformedEventException("event " + envelope.id() + " has data of type " + envelope.dataContentType());
        }
        try {
            return json.readValue(envelope.data(), eventClass);
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + envelope.id() + " (" + envelope.type() + ") has unreadable data: "
                    + e.getOriginalMessage(), e);
        }
    }
}
