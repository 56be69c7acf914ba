package dev.portal.platform.stream;

import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.EventType;
import dev.portal.platform.events.EventTypes;
import dev.portal.platform.events.MalformedEventException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * One binding's consumer, made by {@link EventConsumers}: reads the CloudEvents envelope from the message, decodes
 * the data into the record registered for its type, and hands both to the handler. A record that is not a
 * CloudEvent, has a type this consumer does not read or data that does not parse is malformed: it goes to the
 * dead-letter topic at once. On a topic that carries other types too, {@link #ignoringOtherTypes()} skips them.
 *
 * @param <T> an event record, or a sealed interface whose permitted records are the types read
 */
public final class EventConsumer<T> implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final String name;
    private final Map<String, Class<? extends T>> types;
    private final EventCodec codec;
    private final EventHandler<T> effect;
    private final boolean ignoreOtherTypes;

    EventConsumer(String name, Class<T> events, EventCodec codec, EventHandler<T> effect) {
        this(name, typesOf(events), codec, effect, false);
    }

    private EventConsumer(String name, Map<String, Class<? extends T>> types, EventCodec codec, EventHandler<T> effect,
                          boolean ignoreOtherTypes) {
        this.name = name;
        this.types = types;
        this.codec = codec;
        this.effect = effect;
        this.ignoreOtherTypes = ignoreOtherTypes;
    }

    /** This consumer on a topic shared with types it has no business with: those are skipped, not dead-lettered. */
    public EventConsumer<T> ignoringOtherTypes() {
        return new EventConsumer<>(name, types, codec, effect, true);
    }

    /** The wire types this consumer reads. */
    public Set<String> types() {
        return types.keySet();
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventEnvelope envelope = ReceivedMessages.envelope(message);
        Class<? extends T> eventClass = types.get(envelope.type());
        if (eventClass == null) {
            if (ignoreOtherTypes) {
                log.trace("{} skips event {} of type {}", name, envelope.id(), envelope.type());
                return;
            }
            throw new MalformedEventException("event " + envelope.id() + " has type " + envelope.type() + ", which "
                    + name + " does not read " + types.keySet());
        }
        effect.handle(codec.deserialize(envelope, eventClass), envelope);
    }

    /** The wire type of each record {@code events} stands for, checked now so that a wrong class fails the start. */
    static <T> Map<String, Class<? extends T>> typesOf(Class<T> events) {
        Map<String, Class<? extends T>> types = new LinkedHashMap<>();
        collect(events, events, types);
        return Map.copyOf(types);
    }

    private static <T> void collect(Class<T> root, Class<?> candidate, Map<String, Class<? extends T>> types) {
        if (candidate.isAnnotationPresent(EventType.class)) {
            Class<? extends T> eventClass = candidate.asSubclass(root);
            Class<? extends T> previous = types.put(EventTypes.typeOf(eventClass), eventClass);
            if (previous != null && previous != eventClass) {
                throw new IllegalArgumentException("event type " + EventTypes.typeOf(eventClass) + " is claimed by both "
                        + previous.getName() + " and " + eventClass.getName());
            }
        } else if (candidate.isSealed()) {
            for (Class<?> permitted : candidate.getPermittedSubclasses()) {
                collect(root, permitted, types);
            }
        } else {
            throw new IllegalArgumentException(candidate.getName() + " is neither an event (no @EventType) nor a sealed "
                    + "interface of events: a consumer must say which wire types it reads");
        }
    }
}
