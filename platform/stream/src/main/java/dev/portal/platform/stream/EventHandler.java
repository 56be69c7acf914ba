package dev.portal.platform.stream;

import dev.portal.platform.events.EventEnvelope;

/**
 * What a consumer does with one event: the decoded record and the envelope it came in (id, subject, time,
 * CloudEvents extension attributes). Throwing makes the binding retry the record, then dead-letter it.
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(T event, EventEnvelope envelope);
}
