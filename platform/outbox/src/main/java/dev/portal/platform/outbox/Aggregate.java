package dev.portal.platform.outbox;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.List;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * A JPA entity with a lifecycle: one method per transition, each refusing the illegal ones and registering the
 * {@link OutboxEvent} that records it. Saving it through its Spring Data repository publishes the registered events,
 * and {@link AggregateEventsToOutbox} writes them to the outbox in the saving transaction, so the new state and its
 * events commit or roll back together.
 *
 * <p>Two guards close the ways around that: an event that is not an {@link OutboxEvent} is refused when registered,
 * and a transaction in which an aggregate registered events that were never published (a transition on a managed
 * entity without {@code save}) fails to commit ({@link UnpublishedEvents}).
 *
 * <p>Ids are assigned when the aggregate is created (from a sequence or another injected source), so that the first
 * event can carry its key; {@link #isNew()} therefore cannot be inferred from a null id and is tracked here.
 *
 * @param <A>  the aggregate's own type
 * @param <ID> its id type
 */
@MappedSuperclass
public abstract class Aggregate<A extends Aggregate<A, ID>, ID> extends AbstractAggregateRoot<A> implements Persistable<ID> {

    @Transient
    private transient boolean isNew = true;

    /**
     * Registers an event to be written with the next save of this aggregate.
     *
     * @throws IllegalArgumentException for an event that is not an {@link OutboxEvent}: it would never leave the service
     */
    @Override
    protected <T> T registerEvent(T event) {
        if (!(event instanceof OutboxEvent)) {
            throw new IllegalArgumentException("an aggregate registers OutboxEvents only, not " + event.getClass().getName());
        }
        super.registerEvent(event);
        UnpublishedEvents.track(this);
        return event;
    }

    /** The events registered since the last save (a copy), e.g. for unit tests of the transitions. */
    public List<OutboxEvent> pendingEvents() {
        return domainEvents().stream().map(OutboxEvent.class::cast).toList();
    }

    @Override
    @Transient
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void stored() {
        isNew = false;
    }
}
