package dev.portal.platform.outbox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers, per transaction, the aggregates that registered events, and refuses to commit while any of them still
 * holds events its repository never published. JPA would otherwise flush a changed managed entity without its
 * events; the failed commit rolls the change back instead. Outside a transaction (a unit test of the transitions)
 * nothing is tracked: nothing can be flushed there either.
 */
final class UnpublishedEvents implements TransactionSynchronization {

    private final Set<Aggregate<?, ?>> aggregates = Collections.newSetFromMap(new IdentityHashMap<>());

    private UnpublishedEvents() {
    }

    static void track(Aggregate<?, ?> aggregate) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        UnpublishedEvents current = (UnpublishedEvents) TransactionSynchronizationManager.getResource(UnpublishedEvents.class);
        if (current == null) {
            current = new UnpublishedEvents();
            TransactionSynchronizationManager.bindResource(UnpublishedEvents.class, current);
            TransactionSynchronizationManager.registerSynchronization(current);
        }
        current.aggregates.add(aggregate);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        for (Aggregate<?, ?> aggregate : aggregates) {
            if (!aggregate.pendingEvents().isEmpty()) {
                throw new IllegalStateException(aggregate.getClass().getSimpleName() + " " + aggregate.getId()
                        + " changed with events that were never published: save it through its repository");
            }
        }
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(UnpublishedEvents.class);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(UnpublishedEvents.class, this);
    }

    @Override
    public void afterCompletion(int status) {
        if (TransactionSynchronizationManager.hasResource(UnpublishedEvents.class)) {
            TransactionSynchronizationManager.unbindResource(UnpublishedEvents.class);
        }
    }
}
