package dev.portal.sim.operations;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import dev.portal.sim.config.SimProperties;
import dev.portal.sim.freebit.FreebitLines;
import dev.portal.sim.freebit.Line;
import dev.portal.sim.freebit.LineChangeRefused;
import dev.portal.sim.freebit.LineChangeUnconfirmed;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries an operation through Freebit, one step per run of its scheduled execution ({@code sim-operation}, one
 * per operation, run by one instance at a time): send it when due, then ask the line until Freebit is done. Each
 * step re-reads the operation, so a step run twice (an instance died mid-step and another took over) does nothing
 * twice: an operation found {@code SUBMITTING} is never sent again; the line tells whether Freebit has it.
 */
@Component
class OperationRunner {

    static final String TASK = "sim-operation";
    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);
    static final String UNCONFIRMED = "Freebit did not confirm the request; nothing was changed. Please try again.";
    static final String TOP_UP_UNCONFIRMED = "Freebit did not confirm the top-up. Check the remaining data before topping up again.";
    static final String DROPPED = "Freebit did not carry out the change.";
    static final String TIMED_OUT = "Freebit has not confirmed the change in time.";

    private final SimOperations operations;
    private final FreebitLines lines;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SimProperties properties;

    OperationRunner(SimOperations operations, FreebitLines lines, TransactionTemplate transactions, Clock clock,
                    SimProperties properties) {
        this.operations = operations;
        this.lines = lines;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** The next step of operation {@code id}; the answer says whether its execution runs again, and when. */
    CompletionHandler<Void> step(UUID id) {
        SimOperation op = operations.findById(id).orElse(null);
        if (op == null || op.status().finished()) {
            return done();
        }
        return switch (op.status()) {
            case REQUESTED, SCHEDULED -> submit(op);
            case SUBMITTING -> reconcile(op);
            case SUBMITTED -> check(op.id(), lines.line(op.msisdn()), true);
            default -> done();
        };
    }

    /**
     * Applies what Freebit's line shows to the line's submitted operations (a request of the line reads it anyway):
     * done ones complete, dropped ones fail, without waiting for their next scheduled check.
     */
    void observe(Line line) {
        for (SimOperation op : operations.findByMsisdnAndStatusIn(line.msisdn(), EnumSet.of(OperationStatus.SUBMITTED))) {
            if (op.progressOn(line) != SimOperation.Progress.PENDING) {
                check(op.id(), line, false);
            }
        }
    }

    private CompletionHandler<Void> submit(SimOperation op) {
        Instant now = clock.instant();
        if (op.runAt().isAfter(now)) {
            return at(op.runAt());
        }
        if (op.kind().locksLine() || op.kind() == OperationKind.TOP_UP) {
            List<SimOperation> running = operations.findByMsisdnAndStatusIn(op.msisdn(),
                    EnumSet.of(OperationStatus.SUBMITTING, OperationStatus.SUBMITTED));
            if (running.stream().anyMatch(o -> o.kind().locksLine() && !o.id().equals(op.id()))) {
                // Freebit refuses every change while the line processes one: wait for it instead of failing
                return at(now.plus(properties.operations().checkInterval()));
            }
        }
        Line before = op.kind() == OperationKind.ESIM_REISSUE ? lines.line(op.msisdn()) : null;
        boolean claimed = Boolean.TRUE.equals(transactions.execute(status -> {
            SimOperation locked = operations.lockById(op.id()).orElseThrow();
            if (locked.status() != OperationStatus.REQUESTED && locked.status() != OperationStatus.SCHEDULED) {
                return false;
            }
            locked.submitting(clock.instant());
            operations.save(locked);
            return true;
        }));
        if (!claimed) {
            return at(clock.instant());
        }
        try {
            send(op, before);
        } catch (LineChangeRefused e) {
            log.info("SIM operation {} ({} on SIM {}) refused by Freebit: {}", op.id(), op.kind().wire(), op.simId(), e.getMessage());
            change(op.id(), o -> o.failed(e.reason(), clock.instant()));
            return done();
        } catch (LineChangeUnconfirmed e) {
            log.warn("SIM operation {} ({} on SIM {}) sent without a verdict ({}); the line is read in {}", op.id(),
                    op.kind().wire(), op.simId(), e.getMessage(), properties.operations().reconcileDelay());
            return at(clock.instant().plus(properties.operations().reconcileDelay()));
        }
        if (op.kind() == OperationKind.TOP_UP) {
            change(op.id(), o -> o.completed(clock.instant()));
            log.info("SIM operation {} (top-up of {} MB on SIM {}) completed", op.id(), op.quotaMb(), op.simId());
            return done();
        }
        SimOperation submitted = change(op.id(), o -> o.submitted(clock.instant()));
        log.info("SIM operation {} ({} on SIM {}) submitted to Freebit", op.id(), op.kind().wire(), op.simId());
        return at(later(submitted.expectedDoneAt(properties.timeZone())));
    }

    private void send(SimOperation op, Line before) {
        switch (op.kind()) {
            case TOP_UP -> lines.addQuota(op.msisdn(), op.quotaMb(), "portal-" + op.id());
            case PLAN_CHANGE -> lines.changePlan(op.msisdn(), op.planCode(), op.effectiveDate());
            case VOICE_OPTIONS -> lines.changeVoiceOptions(op.msisdn(), op.voiceOptions());
            case NETWORK_TYPE -> lines.changeNetworkType(op.msisdn(), op.networkType());
            case CANCELLATION -> lines.cancel(op.msisdn(), op.effectiveDate());
            case ESIM_REISSUE -> lines.reissueEsim(op.msisdn(), op.eid(), before.productNumber(), before.eid());
        }
    }

    /** A step found the operation being sent: the send's outcome is unknown (a crash, no answer); the line tells. */
    private CompletionHandler<Void> reconcile(SimOperation op) {
        if (op.kind() == OperationKind.TOP_UP) {
            // a top-up leaves no trace in the line's data that could tell whether it was taken
            change(op.id(), o -> o.failed(TOP_UP_UNCONFIRMED, clock.instant()));
            log.warn("SIM operation {} (top-up on SIM {}) failed: outcome unknown", op.id(), op.simId());
            return done();
        }
        Line line = lines.line(op.msisdn());
        SimOperation.Progress progress = op.progressOn(line);
        if (progress == SimOperation.Progress.DROPPED) {
            change(op.id(), o -> o.failed(UNCONFIRMED, clock.instant()));
            log.warn("SIM operation {} ({} on SIM {}) failed: Freebit has no trace of it", op.id(), op.kind().wire(), op.simId());
            return done();
        }
        SimOperation submitted = change(op.id(), o -> o.submitted(clock.instant()));
        log.info("SIM operation {} ({} on SIM {}) found at Freebit after an unconfirmed send", op.id(), op.kind().wire(), op.simId());
        if (progress == SimOperation.Progress.DONE) {
            return check(op.id(), line, true);
        }
        return at(later(submitted.expectedDoneAt(properties.timeZone())));
    }

    /** Applies the line to a submitted operation; {@code scheduled}: this is its own execution (the deadline counts). */
    private CompletionHandler<Void> check(UUID id, Line line, boolean scheduled) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            SimOperation op = operations.lockById(id).orElse(null);
            if (op == null || op.status().finished()) {
                return done();
            }
            if (op.status() != OperationStatus.SUBMITTED) {
                return at(now);
            }
            switch (op.progressOn(line)) {
                case DONE -> {
                    op.completed(now);
                    operations.save(op);
                    log.info("SIM operation {} ({} on SIM {}) completed", op.id(), op.kind().wire(), op.simId());
                    return done();
                }
                case DROPPED -> {
                    op.failed(DROPPED, now);
                    operations.save(op);
                    log.warn("SIM operation {} ({} on SIM {}) failed: Freebit dropped it", op.id(), op.kind().wire(), op.simId());
                    return done();
                }
                default -> {
                    if (scheduled && now.isAfter(op.deadline(properties.timeZone(), properties.operations().completionTimeout()))) {
                        op.failed(TIMED_OUT, now);
                        operations.save(op);
                        log.warn("SIM operation {} ({} on SIM {}) failed: not confirmed in time", op.id(), op.kind().wire(), op.simId());
                        return done();
                    }
                    return at(later(now.plus(properties.operations().checkInterval())));
                }
            }
        });
    }

    private SimOperation change(UUID id, Consumer<SimOperation> transition) {
        return transactions.execute(status -> {
            SimOperation op = operations.lockById(id).orElseThrow();
            transition.accept(op);
            return operations.save(op);
        });
    }

    private Instant later(Instant at) {
        Instant now = clock.instant();
        return at.isAfter(now) ? at : now;
    }

    private static CompletionHandler<Void> done() {
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private static CompletionHandler<Void> at(Instant next) {
        return (complete, execution) -> execution.reschedule(complete, next);
    }
}
