package dev.portal.platform.stream;

import dev.portal.platform.events.EventCodec;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes the functional consumers that Spring Cloud Stream binds: a consumer is a bean of a few lines,
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> mailRequests(EventConsumers consumers) {
 *     return consumers.inbox("identity.mail-sender", MailRequested.class, (event, envelope) -> send(event));
 * }
 * }</pre>
 *
 * with its binding ({@code mailRequests-in-0}: destination, group, concurrency, retries, dead letters) in YAML.
 * The binder reads the record; this decodes the CloudEvents envelope and the typed event; the effect runs
 * through the inbox so that a redelivered event changes nothing.
 */
public final class EventConsumers {

    private static final Pattern CONSUMER_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private final EventCodec codec;
    private final @Nullable InboxEffects inbox;

    EventConsumers(EventCodec codec, @Nullable InboxEffects inbox) {
        this.codec = codec;
        this.inbox = inbox;
    }

    /**
     * A consumer whose effect runs at most once per event id, in one transaction with the inbox record (the
     * default for every consumer with a database).
     *
     * @param consumer the inbox name, stable across releases: {@code <service>.<feature>}, e.g. {@code identity.mail-sender}
     * @param events   the event record read, or a sealed interface of the records read
     */
    public <T> EventConsumer<T> inbox(String consumer, Class<T> events, EventHandler<? super T> handler) {
        if (!CONSUMER_NAME.matcher(consumer).matches()) {
            throw new IllegalArgumentException("inbox consumer name must be <service>.<feature>, was " + consumer);
        }
        if (inbox == null) {
            throw new IllegalStateException("consumer " + consumer + " applies its effects through the inbox, which needs "
                    + "platform-inbox and a database; a service without one can only use idempotent(...)");
        }
        InboxEffects effects = inbox;
        return new EventConsumer<>(consumer, events, codec,
                (event, envelope) -> effects.receive(consumer, envelope, () -> handler.handle(event, envelope)));
    }

    /**
     * A consumer without an inbox, for effects that are idempotent by themselves: applying an event twice leaves
     * the same state as once (re-reading the record it names, keeping the maximum of a version). Say in the
     * handler's documentation why it is.
     */
    public <T> EventConsumer<T> idempotent(Class<T> events, EventHandler<? super T> handler) {
        return new EventConsumer<>(events.getSimpleName(), events, codec, handler::handle);
    }
}
