package dev.portal.platform.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The two-way map between event classes and their wire types, checked when it is built. */
public final class EventTypes {

    /**
     * {@code portal.<domain>.<past-tense>.v<N>} for the suite's own events ({@code portal.order.submitted.v1}); the
     * Salesforce changes cdc-bridge publishes are named after their topic, {@code salesforce.cdc.<entity>.changed.v<N>}.
     */
    static final Pattern WIRE_TYPE = Pattern.compile("portal\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*"
            + "|salesforce\\.cdc\\.[a-z][a-z0-9-]*\\.changed\\.v[1-9][0-9]*");

    private final Map<String, Class<? extends DomainEvent>> classes = new LinkedHashMap<>();
    private final Map<Class<? extends DomainEvent>, String> types = new LinkedHashMap<>();

    private EventTypes(Collection<Class<? extends DomainEvent>> eventClasses) {
        for (Class<? extends DomainEvent> eventClass : eventClasses) {
            String type = typeOf(eventClass);
            Class<? extends DomainEvent> previous = classes.putIfAbsent(type, eventClass);
            if (previous != null && previous != eventClass) {
                throw new IllegalArgumentException("event type " + type + " is claimed by both "
                        + previous.getName() + " and " + eventClass.getName());
            }
            types.put(eventClass, type);
        }
    }

    @SafeVarargs
    public static EventTypes of(Class<? extends DomainEvent>... eventClasses) {
        return new EventTypes(List.of(eventClasses));
    }

    public static EventTypes of(Collection<Class<? extends DomainEvent>> eventClasses) {
        return new EventTypes(eventClasses);
    }

    /** Reads and checks the {@link EventType} of a class, whether registered or not. */
    public static String typeOf(Class<?> eventClass) {
        EventType annotation = eventClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType: the wire type must be explicit");
        }
        if (!WIRE_TYPE.matcher(annotation.value()).matches()) {
            throw new IllegalArgumentException("@EventType(\"" + annotation.value() + "\") on " + eventClass.getName()
                    + " is not of the form portal.<domain>.<past-tense>.v<N> (salesforce.cdc.<entity>.changed.v<N> for bridged changes)");
        }
        return annotation.value();
    }

    public Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(classes.get(type));
    }

    public String type(Class<? extends DomainEvent> eventClass) {
        String type = types.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a registered event");
        }
        return type;
    }

    public Collection<String> all() {
        return classes.keySet();
    }
}
