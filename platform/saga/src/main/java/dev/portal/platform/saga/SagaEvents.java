package dev.portal.platform.saga;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.Topic;

/** Where the engine's events go: the outbox, inside the transaction that parks the instance. */
@FunctionalInterface
public interface SagaEvents {

    void publish(Topic topic, DomainEvent event);
}
