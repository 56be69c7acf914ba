package dev.portal.sim.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable work for later: an execution row in {@code scheduled_tasks}, written in the caller's transaction (so the
 * work exists exactly when the state that asks for it commits), run by whichever instance's scheduler picks it
 * first. Work due now is picked by this instance right after the commit instead of at the next poll.
 */
public class Schedules {

    private final Scheduler scheduler;
    private final Clock clock;

    Schedules(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Schedules {@code instance} at {@code at}, in the current transaction when there is one. */
    public void schedule(TaskInstance<?> instance, Instant at) {
        scheduler.scheduleIfNotExists(instance, at);
        if (!at.isAfter(clock.instant())) {
            pickSoon();
        }
    }

    /** Removes scheduled work that has not started; false when there was none (already running or done). */
    public boolean cancel(TaskInstanceId instance) {
        if (scheduler.getScheduledExecution(instance).filter(e -> !e.isPicked()).isEmpty()) {
            return false;
        }
        scheduler.cancel(instance);
        return true;
    }

    private void pickSoon() {
        Runnable check = scheduler::triggerCheckForDueExecutions;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    check.run();
                }
            });
        } else {
            check.run();
        }
    }
}
