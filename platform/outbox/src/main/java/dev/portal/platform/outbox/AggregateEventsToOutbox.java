package dev.portal.platform.outbox;

import org.springframework.context.event.EventListener;

/**
 * Writes every {@link OutboxEvent} published through Spring's event publisher (which is how Spring Data hands over
 * an {@link Aggregate}'s registered events when its repository saves it) to the outbox. It runs synchronously in
 * the publisher's thread, hence in the saving transaction; outside a transaction {@link Outbox#publish} refuses and
 * the save fails with it.
 */
public class AggregateEventsToOutbox {

    private final Outbox outbox;

    public AggregateEventsToOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    public void write(OutboxEvent event) {
        outbox.publish(event.topic(), event);
    }
}
