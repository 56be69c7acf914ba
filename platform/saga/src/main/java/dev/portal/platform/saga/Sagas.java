package dev.portal.platform.saga;

import dev.portal.platform.events.DomainEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saga engine and the application's way in.
 *
 * <ul>
 *   <li>{@link #start} runs a new instance in the caller's thread as far as its steps succeed, so a request can
 *       answer with the outcome; a second start with the same business key returns the existing instance.</li>
 *   <li>What is left (retries after a back-off, steps woken by a signal or a deadline, instances whose process died)
 *       is run by one leader among the replicas ({@link #runDue()}, called by {@code SagaLeader}).</li>
 *   <li>Each attempt is recorded before the step runs and its outcome after, each in a transaction of its own, under
 *       a lease with an optimistic version: a process that lost its lease stops at its next record.</li>
 * </ul>
 *
 * Steps run again after a crash between running and recording: they must be idempotent by
 * {@link StepContext#idempotencyKey()}, or declared local ({@code invokeLocal}) so their writes commit with the record.
 */
public class Sagas {

    private static final Logger log = LoggerFactory.getLogger(Sagas.class);

    private final Map<String, SagaDefinition<?>> definitions = new ConcurrentHashMap<>();
    private final SagaInstances instances;
    private final SagaSteps steps;
    private final SagaTransactions transactions;
    private final SagaEvents events;
    private final Clock clock;
    private final SagaProperties properties;
    private final String owner;
    private final SagaMetrics metrics;
    private final Backoff backoff;
    private final JsonMapper json;

    /**
     * @param owner  the name this process takes leases under, unique among the processes sharing the database
     * @param random uniform in [0, 1): the jitter of retry waits
     */
    public Sagas(SagaInstances instances, SagaSteps steps, SagaTransactions transactions, SagaEvents events, Clock clock,
                 SagaProperties properties, String owner, MeterRegistry meters, DoubleSupplier random, JsonMapper json) {
        this.instances = instances;
        this.steps = steps;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.owner = owner;
        this.metrics = new SagaMetrics(meters);
        this.backoff = new Backoff(properties.firstBackoff(), properties.maxBackoff(), properties.jitter(), random);
        this.json = json;
    }

    /** Makes a definition known, so that stored instances of it can be resumed; definition beans are registered at start. */
    public void register(SagaDefinition<?> definition) {
        SagaDefinition<?> known = definitions.putIfAbsent(definition.name(), definition);
        if (known != null && known != definition) {
            throw new IllegalStateException("two sagas are named " + definition.name());
        }
    }

    public Collection<SagaDefinition<?>> definitions() {
        return List.copyOf(definitions.values());
    }

    /** The name this process holds leases under. */
    public String owner() {
        return owner;
    }

    // ---- the application's calls ------------------------------------------------------------------------------

    /**
     * Starts an instance of {@code definition} for {@code businessKey} and runs it until it completes, waits, parks
     * or is compensated. If an instance already holds the key (any but a compensated one), nothing is started:
     * the existing instance is returned as it stands ({@link SagaRun#created()} false).
     *
     * @throws IllegalStateException inside a transaction: every step must commit on its own
     */
    public <D> SagaRun<D> start(SagaDefinition<D> definition, String businessKey, D data) {
        requireOutsideTransaction("start");
        register(definition);
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalArgumentException("a saga needs a business key");
        }
        String state = write(data);
        Optional<SagaInstance> holder = transactions.inTransaction(() -> instances.findHolder(definition.name(), businessKey));
        if (holder.isPresent()) {
            return new SagaRun<>(snapshot(definition, holder.get().id()), false, Optional.empty());
        }
        Instant now = clock.instant();
        SagaInstance created;
        try {
            created = transactions.inTransaction(() -> instances.save(SagaInstance.start(UUID.randomUUID(), definition.name(),
                    businessKey, definition.firstStep(), state, owner, now, now.plus(properties.lease()))));
        } catch (DataIntegrityViolationException raced) {
            SagaInstance other = transactions.inTransaction(() -> instances.findHolder(definition.name(), businessKey))
                    .orElseThrow(() -> raced);
            return new SagaRun<>(snapshot(definition, other.id()), false, Optional.empty());
        }
        log.info("saga {} {} started", definition.name(), created.id());
        return run(definition, created, true);
    }

    /**
     * Runs an instance now if it can run: one waiting for its next attempt is attempted at once (a caller asking
     * again is a good moment), one whose process died is taken over. Otherwise returns it as it stands.
     */
    public <D> SagaRun<D> resume(SagaDefinition<D> definition, UUID id) {
        requireOutsideTransaction("resume");
        register(definition);
        Instant now = clock.instant();
        Optional<SagaInstance> claimed;
        try {
            claimed = transactions.inTransaction(() -> {
                SagaInstance instance = ownedBy(definition, id);
                if (!instance.isClaimable(now)) {
                    return Optional.empty();
                }
                instance.claim(owner, now, now.plus(properties.lease()));
                return Optional.of(instances.save(instance));
            });
        } catch (OptimisticLockingFailureException another) {
            claimed = Optional.empty();
        }
        return claimed.map(instance -> run(definition, instance, false))
                .orElseGet(() -> new SagaRun<>(snapshot(definition, id), false, Optional.empty()));
    }

    /**
     * Delivers {@code signal} (with {@code payload}, any JSON-writable value or null) to the instance holding
     * {@code businessKey}. A step waiting for it runs at once in the caller's thread; a signal that comes before its
     * step waits is kept for it. Finished and parked instances ignore signals.
     *
     * @return the instance after the signal, empty when no instance holds the key
     */
    public <D> Optional<SagaRun<D>> signal(SagaDefinition<D> definition, String businessKey, String signal, Object payload) {
        requireOutsideTransaction("signal");
        register(definition);
        Instant now = clock.instant();
        JsonNode body = payload == null ? json.createObjectNode() : json.valueToTree(payload);
        Optional<SagaInstance> received = transactions.inTransaction(() -> instances.findHolder(definition.name(), businessKey)
                .map(instance -> {
                    ObjectNode all = (ObjectNode) json.readTree(instance.signals());
                    all.set(signal, body);
                    if (instance.receiveSignals(json.writeValueAsString(all), signal, now)) {
                        log.info("saga {} {} received signal {}", instance.sagaName(), instance.id(), signal);
                    }
                    return instances.save(instance);
                }));
        return received.map(instance -> signal.equals(instance.waitingFor()) && instance.isClaimable(now)
                ? resume(definition, instance.id())
                : new SagaRun<>(snapshot(definition, instance.id()), false, Optional.empty()));
    }

    /**
     * An operator retries a parked (or failed) instance once its cause is fixed: the step it stopped on gets a fresh
     * allowance of attempts and runs now, in the caller's thread.
     *
     * @return the instance's timeline afterwards
     * @throws SagaNotFound      when no instance has the id
     * @throws SagaNotRetryable  when it is not parked or failed
     */
    public SagaTimeline retry(UUID id) {
        requireOutsideTransaction("retry");
        runClaimed(retryTransition(id, null));
        return timeline(id).orElseThrow(() -> new SagaNotFound(id));
    }

    /**
     * As {@link #retry(UUID)}, for an application that retries a parked instance of its own saga itself (a customer
     * asking again is a good moment), with the run's outcome.
     */
    public <D> SagaRun<D> retry(SagaDefinition<D> definition, UUID id) {
        requireOutsideTransaction("retry");
        register(definition);
        return run(definition, retryTransition(id, definition.name()), false);
    }

    private SagaInstance retryTransition(UUID id, String saga) {
        Instant now = clock.instant();
        SagaInstance retried = transactions.inTransaction(() -> {
            SagaInstance instance = instances.findById(id).filter(i -> saga == null || i.sagaName().equals(saga))
                    .orElseThrow(() -> new SagaNotFound(id));
            if (instance.status() != SagaStatus.PARKED && instance.status() != SagaStatus.FAILED) {
                throw new SagaNotRetryable(id, instance.status());
            }
            if (runnable(instance).isEmpty()) {
                throw new IllegalStateException("saga " + instance.sagaName() + " " + id + " cannot run here: " + instance.reason());
            }
            instance.retryByOperator(owner, now, now.plus(properties.lease()));
            Optional<SagaStep> retriedLine = steps.findByInstanceIdAndStepAndDirection(id, instance.currentStep(), instance.direction());
            StepStatus before = retriedLine.map(SagaStep::status).orElse(null);
            retriedLine.ifPresent(line -> {
                line.retriedByOperator(now);
                steps.save(line);
            });
            SagaInstance saved = instances.save(instance);
            tell(runnable(saved).orElseThrow(), saved, retriedLine.orElse(null), before, instance.reason(), now);
            return saved;
        });
        log.info("saga {} {} retried on {}", retried.sagaName(), id, retried.currentStep());
        return retried;
    }

    /** Instances a person should look at: parked and failed ones, most recently changed first. */
    public List<SagaTimeline> needingAttention(int limit) {
        return transactions.inTransaction(() -> instances.findByStatuses(List.of(SagaStatus.PARKED, SagaStatus.FAILED),
                        org.springframework.data.domain.Limit.of(limit)).stream()
                .map(instance -> SagaTimeline.of(instance, steps.findByInstanceIdOrderByOrdinal(instance.id()))).toList());
    }

    /** The instance with this id, if it is one of {@code definition}'s. */
    public <D> Optional<SagaSnapshot<D>> find(SagaDefinition<D> definition, UUID id) {
        return transactions.inTransaction(() -> instances.findById(id))
                .filter(instance -> instance.sagaName().equals(definition.name()))
                .map(instance -> snapshot(definition, id));
    }

    /** The newest instance of {@code definition} for {@code businessKey} (the one holding it, if any). */
    public <D> Optional<SagaSnapshot<D>> find(SagaDefinition<D> definition, String businessKey) {
        return newest(definition.name(), businessKey).map(instance -> snapshot(definition, instance.id()));
    }

    /** What support sees of an instance. */
    public Optional<SagaTimeline> timeline(UUID id) {
        return transactions.inTransaction(() -> instances.findById(id)
                .map(instance -> SagaTimeline.of(instance, steps.findByInstanceIdOrderByOrdinal(id))));
    }

    /** What support sees of the newest instance of {@code saga} for {@code businessKey}. */
    public Optional<SagaTimeline> timeline(String saga, String businessKey) {
        return newest(saga, businessKey).flatMap(instance -> timeline(instance.id()));
    }

    // ---- the leader's calls -----------------------------------------------------------------------------------

    /**
     * Claims due instances and runs them, one after the other; what the leader does on each poll (it runs a
     * claimed batch concurrently instead). Tests call it to play the leader.
     *
     * @return how many instances it ran
     */
    public int runDue() {
        List<SagaInstance> claimed = claimDue();
        claimed.forEach(this::runClaimed);
        return claimed.size();
    }

    /** Takes the lease of up to {@code portal.saga.batch-size} due instances, skipping those others have locked. */
    List<SagaInstance> claimDue() {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            List<SagaInstance> claimed = new ArrayList<>();
            for (SagaInstance instance : instances.lockDue(now, properties.batchSize())) {
                Optional<String> unrunnable = runnable(instance).isPresent() ? Optional.empty() : Optional.of(
                        "this service has no saga " + instance.sagaName() + " with a step " + instance.currentStep());
                if (unrunnable.isPresent()) {
                    instance.parkUnrunnable(unrunnable.get(), now);
                    instances.save(instance);
                    log.warn("saga {} {} parked: {}", instance.sagaName(), instance.id(), unrunnable.get());
                    continue;
                }
                instance.claim(owner, now, now.plus(properties.lease()));
                claimed.add(instances.save(instance));
            }
            return claimed;
        });
    }

    /** Runs an instance this process has claimed; a failure of the bookkeeping leaves it to the next lease holder. */
    void runClaimed(SagaInstance claimed) {
        try {
            run(runnable(claimed).orElseThrow(), claimed, false);
        } catch (RuntimeException e) {
            log.warn("saga {} {} stopped on an error; it resumes when its lease expires: {}", claimed.sagaName(),
                    claimed.id(), e.toString());
        }
    }

    /** Deletes completed and compensated instances older than the retention; returns how many. */
    int purge() {
        Instant before = clock.instant().minus(properties.retention());
        return transactions.inTransaction(() -> instances.deleteFinishedBefore(before));
    }

    // ---- running ----------------------------------------------------------------------------------------------

    /** The instance as this process last saved it. */
    private static final class Held {

        SagaInstance instance;

        Held(SagaInstance instance) {
            this.instance = instance;
        }
    }

    /** One attempt as recorded at its start: what the step sees, and the log line's status before it began. */
    private record Attempt(int number, boolean timedOut, Map<String, Signal> signals, StepStatus resumedFrom,
                           Instant firstAttemptAt, String sagaReason) {
    }

    private record Recorded(String outcome, SagaStatus finished, String logLine) {
    }

    /** Thrown inside a local step's transaction to roll its writes back when the step did not succeed. */
    private static final class NotDone extends RuntimeException {

        final StepOutcome<?> outcome;

        NotDone(StepOutcome<?> outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /** Another process holds the instance now (this one was too slow, or its lease was taken over). */
    private static final class LeaseLost extends RuntimeException {

        LeaseLost(String message) {
            super(message, null, false, false);
        }
    }

    private <D> SagaRun<D> run(SagaDefinition<D> definition, SagaInstance claimed, boolean created) {
        Held held = new Held(claimed);
        RuntimeException failure = null;
        try {
            while (held.instance.isLeasedBy(owner)) {
                SagaInstance instance = held.instance;
                Direction direction = instance.status() == SagaStatus.COMPENSATING ? Direction.COMPENSATE : Direction.EXECUTE;
                if (instance.status() == SagaStatus.COMPENSATING && instance.currentStep() == null) {
                    finishCompensating(definition, held);
                    break;
                }
                StepDefinition<D> step = definition.step(instance.currentStep()).orElse(null);
                if (step == null) {
                    parkUnrunnable(definition, held, "saga " + definition.name() + " has no step " + instance.currentStep());
                    break;
                }
                RuntimeException stopped = attempt(definition, held, step, direction);
                failure = failure != null ? failure : stopped;
            }
        } catch (LeaseLost lost) {
            log.info("saga {} {}: {}", definition.name(), claimed.id(), lost.getMessage());
        }
        return new SagaRun<>(snapshot(definition, claimed.id()), created, Optional.ofNullable(failure));
    }

    /** One attempt of {@code step}: recorded, run, its outcome recorded. Returns the exception behind a failed one. */
    private <D> RuntimeException attempt(SagaDefinition<D> definition, Held held, StepDefinition<D> step, Direction direction) {
        Instant startedAt = clock.instant();
        Attempt attempt = transactions.inTransaction(() -> {
            SagaInstance instance = own(held);
            boolean timedOut = instance.waitingFor() != null && !instance.hasSignal(instance.waitingFor());
            instance.stopWaiting();
            instance.renewLease(owner, startedAt, startedAt.plus(properties.lease()));
            Optional<SagaStep> existing = steps.findByInstanceIdAndStepAndDirection(instance.id(), step.name(), direction);
            StepStatus resumedFrom = existing.map(SagaStep::status).orElse(null);
            SagaStep line = existing
                    .map(known -> {
                        known.nextAttempt(startedAt);
                        return known;
                    })
                    .orElseGet(() -> SagaStep.firstAttempt(UUID.randomUUID(), instance.id(),
                            (int) steps.countByInstanceId(instance.id()), step.name(), direction, startedAt));
            steps.save(line);
            held.instance = instances.save(instance);
            D data = read(definition, held.instance.data());
            definition.changed(new StepChange<>(instance.id(), definition.name(), instance.businessKey(), step.name(), direction,
                    step.name(direction), StepStatus.STARTED, resumedFrom, line.attempts(), null, held.instance.reason(),
                    held.instance.status(), data, startedAt));
            return new Attempt(line.attempts(), timedOut, signals(instance), resumedFrom, line.startedAt(), held.instance.reason());
        });
        SagaInstance instance = held.instance;
        StepContext<D> context = new StepContext<>(instance.id(), definition.name(), instance.businessKey(), step.name(),
                direction, attempt.number(), read(definition, instance.data()), attempt.signals(), attempt.timedOut(), startedAt,
                attempt.firstAttemptAt(), attempt.sagaReason());
        StepAction<D> action = direction == Direction.EXECUTE ? step.execute() : step.compensation();

        StepOutcome<D> outcome;
        Recorded recorded;
        if (step.local()) {
            Object[] result = new Object[2];
            try {
                transactions.inTransaction(() -> {
                    StepOutcome<D> tried = call(action, context);
                    if (!(tried instanceof StepOutcome.Done<D>)) {
                        throw new NotDone(tried);
                    }
                    result[0] = tried;
                    result[1] = record(definition, held, step, direction, attempt, tried);
                    return null;
                });
                @SuppressWarnings("unchecked")
                StepOutcome<D> done = (StepOutcome<D>) result[0];
                outcome = done;
                recorded = (Recorded) result[1];
            } catch (NotDone notDone) {
                @SuppressWarnings("unchecked")
                StepOutcome<D> notDoneOutcome = (StepOutcome<D>) notDone.outcome;
                outcome = notDoneOutcome;
                StepOutcome<D> failed = outcome;
                recorded = transactions.inTransaction(() -> record(definition, held, step, direction, attempt, failed));
            }
        } else {
            outcome = call(action, context);
            StepOutcome<D> finished = outcome;
            recorded = transactions.inTransaction(() -> record(definition, held, step, direction, attempt, finished));
        }

        Instant endedAt = clock.instant();
        metrics.step(definition.name(), step.name(), direction, recorded.outcome(), Duration.between(startedAt, endedAt));
        if (recorded.outcome().equals("parked")) {
            metrics.parked(definition.name(), step.name());
        }
        if (recorded.finished() != null) {
            metrics.finished(definition.name(), recorded.finished());
        }
        if (recorded.logLine() != null) {
            if (recorded.outcome().equals("parked") || recorded.finished() == SagaStatus.FAILED) {
                log.warn("saga {} {} {}", definition.name(), instance.id(), recorded.logLine());
            } else {
                log.info("saga {} {} {}", definition.name(), instance.id(), recorded.logLine());
            }
        }
        return switch (outcome) {
            case StepOutcome.RetryLater<D> retry -> retry.cause();
            case StepOutcome.Failed<D> failed -> failed.cause();
            default -> null;
        };
    }

    private <D> StepOutcome<D> call(StepAction<D> action, StepContext<D> context) {
        StepOutcome<D> outcome;
        try {
            outcome = action.apply(context);
        } catch (RuntimeException e) {
            return Failures.classify(e);
        }
        if (outcome == null) {
            throw new IllegalStateException("step " + context.step() + " of saga " + context.saga() + " returned no outcome");
        }
        if (outcome instanceof StepOutcome.WaitForSignal<D> && context.direction() == Direction.COMPENSATE) {
            return new StepOutcome.Failed<>("a compensation cannot wait for a signal", null);
        }
        return outcome;
    }

    /** Records the outcome of an attempt, in the caller's transaction. */
    private <D> Recorded record(SagaDefinition<D> definition, Held held, StepDefinition<D> step, Direction direction,
                                Attempt attempt, StepOutcome<D> outcome) {
        Instant now = clock.instant();
        SagaInstance instance = own(held);
        SagaStep line = steps.findByInstanceIdAndStepAndDirection(instance.id(), step.name(), direction)
                .orElseThrow(() -> new IllegalStateException("no log line for " + step.name()));
        String label = direction == Direction.COMPENSATE ? step.name() + " (compensation)" : step.name();
        DomainEvent[] parked = new DomainEvent[1];
        String[] why = new String[1];
        Recorded recorded = switch (outcome) {
            case StepOutcome.Done<D> done -> {
                line.succeeded(now);
                String next = direction == Direction.EXECUTE ? definition.next(step.name())
                        : definition.previousCompensable(step.name());
                instance.stepSucceeded(next, write(done.data()), now);
                if (next == null && direction == Direction.EXECUTE) {
                    instance.complete(now);
                    yield new Recorded("succeeded", SagaStatus.COMPLETED, "completed");
                }
                if (next == null) {
                    instance.compensated(now);
                    yield new Recorded("compensated", SagaStatus.COMPENSATED, "compensated after: " + instance.reason());
                }
                yield new Recorded(direction == Direction.EXECUTE ? "succeeded" : "compensated", null, null);
            }
            case StepOutcome.RetryLater<D> retry -> {
                int allowed = step.maxAttempts() > 0 ? step.maxAttempts() : properties.maxAttempts();
                int failedInRow = line.attemptsSinceWait();
                why[0] = retry.reason();
                if (failedInRow >= allowed) {
                    line.parked(retry.reason(), now);
                    instance.park(label + " failed " + failedInRow + " times, last: " + retry.reason(), now);
                    parked[0] = definition.parkedEvent(new ParkedSaga<>(instance.id(), definition.name(), instance.businessKey(),
                            step.name(), direction, attempt.number(), retry.reason(), read(definition, instance.data()), now));
                    yield new Recorded("parked", null, "parked on " + label + " after " + failedInRow + " attempts: "
                            + retry.reason());
                }
                Duration wait = backoff.after(failedInRow);
                line.retrying(retry.reason(), now);
                instance.retryAt(now.plus(wait), label + ": " + retry.reason(), now);
                yield new Recorded("retrying", null, label + " attempt " + attempt.number() + " failed, next in "
                        + wait.toMillis() + " ms: " + retry.reason());
            }
            case StepOutcome.Park<D> park -> {
                why[0] = park.reason();
                line.parked(park.reason(), now);
                instance.park(label + ": " + park.reason(), now);
                parked[0] = definition.parkedEvent(new ParkedSaga<>(instance.id(), definition.name(), instance.businessKey(),
                        step.name(), direction, attempt.number(), park.reason(), read(definition, instance.data()), now));
                yield new Recorded("parked", null, "parked on " + label + ": " + park.reason());
            }
            case StepOutcome.Failed<D> failed -> {
                why[0] = failed.reason();
                line.failed(failed.reason(), now);
                if (direction == Direction.EXECUTE) {
                    instance.startCompensating(definition.previousCompensable(step.name()), label + " failed: " + failed.reason(), now);
                    yield new Recorded("failed", null, label + " failed, compensating: " + failed.reason());
                }
                instance.fail(label + " failed: " + failed.reason(), now);
                yield new Recorded("failed", SagaStatus.FAILED, "failed: " + label + " failed: " + failed.reason());
            }
            case StepOutcome.WaitForSignal<D> wait -> {
                line.waiting(now);
                String awaited = wait.signal();
                if (attempt.signals().containsKey(awaited)) {
                    // the step saw this signal and still waits: it waits for the next one
                    ObjectNode remaining = (ObjectNode) json.readTree(instance.signals());
                    remaining.remove(awaited);
                    instance.useSignals(json.writeValueAsString(remaining), now);
                } else if (instance.hasSignal(awaited)) {
                    // the signal came while the step ran: attempt it again at once
                    yield new Recorded("waiting", null, null);
                }
                instance.waitFor(awaited, wait.timeout() == null ? null : now.plus(wait.timeout()), now);
                yield new Recorded("waiting", null, label + " waits for " + awaited);
            }
        };
        steps.save(line);
        held.instance = instances.save(instance);
        definition.changed(new StepChange<>(instance.id(), definition.name(), instance.businessKey(), step.name(), direction,
                step.name(direction), line.status(), attempt.resumedFrom(), attempt.number(), why[0], held.instance.reason(),
                held.instance.status(), read(definition, held.instance.data()), now));
        if (parked[0] != null) {
            events.publish(definition.parkedTopic(), parked[0]);
        }
        return recorded;
    }

    private <D> void finishCompensating(SagaDefinition<D> definition, Held held) {
        String reason = transactions.inTransaction(() -> {
            SagaInstance instance = own(held);
            Instant now = clock.instant();
            instance.compensated(now);
            held.instance = instances.save(instance);
            tell(definition, held.instance, null, null, instance.reason(), now);
            return instance.reason();
        });
        metrics.finished(definition.name(), SagaStatus.COMPENSATED);
        log.info("saga {} {} compensated after: {}", definition.name(), held.instance.id(), reason);
    }

    private <D> void parkUnrunnable(SagaDefinition<D> definition, Held held, String reason) {
        transactions.inTransaction(() -> {
            SagaInstance instance = own(held);
            Instant now = clock.instant();
            instance.parkUnrunnable(reason, now);
            held.instance = instances.save(instance);
            tell(definition, held.instance, null, null, reason, now);
            return null;
        });
        log.warn("saga {} {} parked: {}", held.instance.sagaName(), held.instance.id(), reason);
    }

    /**
     * Tells the definition's listener of a change outside a step's attempt: an operator's retry ({@code line} the
     * retried step's log line, {@code before} its status until then), or the saga's own change ({@code line} null).
     */
    private <D> void tell(SagaDefinition<D> definition, SagaInstance instance, SagaStep line, StepStatus before, String reason,
                          Instant now) {
        String step = line == null ? null : line.step();
        String name = line == null ? null : definition.step(step).map(s -> s.name(line.direction())).orElse(step);
        definition.changed(new StepChange<>(instance.id(), definition.name(), instance.businessKey(), step, instance.direction(),
                name, line == null ? null : line.status(), before, line == null ? 0 : line.attempts(), reason, instance.reason(),
                instance.status(), read(definition, instance.data()), now));
    }

    /** The instance, re-read, if this process still holds it as it last saved it. */
    private SagaInstance own(Held held) {
        SagaInstance expected = held.instance;
        SagaInstance current = instances.findById(expected.id())
                .orElseThrow(() -> new LeaseLost("the instance is gone"));
        if (!current.isLeasedBy(owner)) {
            throw new LeaseLost("another process holds the instance now (" + current.leaseOwner() + ")");
        }
        if (expected.version() != null && !expected.version().equals(current.version())) {
            throw new LeaseLost("the instance changed under this process (version " + current.version() + ")");
        }
        return current;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private Optional<SagaDefinition<?>> runnable(SagaInstance instance) {
        SagaDefinition<?> definition = definitions.get(instance.sagaName());
        if (definition == null || instance.currentStep() != null && definition.step(instance.currentStep()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(definition);
    }

    private SagaInstance ownedBy(SagaDefinition<?> definition, UUID id) {
        SagaInstance instance = instances.findById(id).orElseThrow(() -> new SagaNotFound(id));
        if (!instance.sagaName().equals(definition.name())) {
            throw new SagaNotFound(id);
        }
        return instance;
    }

    private Optional<SagaInstance> newest(String saga, String businessKey) {
        return transactions.inTransaction(() -> instances.findBySagaNameAndBusinessKeyOrderByCreatedAtDesc(saga, businessKey)
                .stream().findFirst());
    }

    private <D> SagaSnapshot<D> snapshot(SagaDefinition<D> definition, UUID id) {
        return transactions.inTransaction(() -> {
            SagaInstance instance = instances.findById(id).orElseThrow(() -> new SagaNotFound(id));
            return new SagaSnapshot<>(read(definition, instance.data()),
                    SagaTimeline.of(instance, steps.findByInstanceIdOrderByOrdinal(id)));
        });
    }

    private Map<String, Signal> signals(SagaInstance instance) {
        Map<String, Signal> signals = new LinkedHashMap<>();
        json.readTree(instance.signals()).properties().forEach(entry ->
                signals.put(entry.getKey(), new Signal(entry.getKey(), entry.getValue())));
        return signals;
    }

    private <D> D read(SagaDefinition<D> definition, String data) {
        return json.readValue(data, definition.dataType());
    }

    private String write(Object data) {
        if (data == null) {
            throw new IllegalArgumentException("saga data must not be null");
        }
        return json.writeValueAsString(data);
    }

    private static void requireOutsideTransaction(String what) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a saga must " + what + " outside a transaction: each of its steps commits on its own");
        }
    }
}
