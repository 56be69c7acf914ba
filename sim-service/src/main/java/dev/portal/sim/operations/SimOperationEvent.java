package dev.portal.sim.operations;

import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.OutboxEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A SIM operation changed status. Every transition registers one (on {@code sim.line.events}, keyed by the SIM
 * id so that a line's events stay in order); the ones after the request also reach the requesting user as a
 * {@code sim.operation-changed} notification.
 */
public sealed interface SimOperationEvent extends OutboxEvent
        permits SimOperationRequested, SimOperationSubmitted, SimOperationCompleted, SimOperationFailed, SimOperationCancelled {

    UUID operationId();

    long simId();

    UUID userId();

    /** {@link OperationKind#wire()}. */
    String kind();

    /** {@link OperationStatus} name after the transition. */
    String status();

    LocalDate effectiveDate();

    /** Why it failed, in words for the customer; null otherwise. */
    String reason();

    Instant at();

    @Override
    default String aggregateId() {
        return Long.toString(simId());
    }

    @Override
    default Topic topic() {
        return Topics.SIM_EVENTS;
    }
}
