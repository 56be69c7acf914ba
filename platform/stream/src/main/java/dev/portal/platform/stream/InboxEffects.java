package dev.portal.platform.stream;

import dev.portal.platform.events.EventEnvelope;

/** The inbox as consumers use it; present only where platform-inbox and a database are (see EventConsumers). */
@FunctionalInterface
interface InboxEffects {

    /** Runs {@code effect} in one transaction with the record of {@code (consumer, event id)}; false for a duplicate. */
    boolean receive(String consumer, EventEnvelope envelope, Runnable effect);
}
