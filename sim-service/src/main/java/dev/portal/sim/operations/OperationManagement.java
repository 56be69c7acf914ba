package dev.portal.sim.operations;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.portal.sim.config.Schedules;
import dev.portal.sim.config.SimProperties;
import dev.portal.sim.freebit.FreebitLines;
import dev.portal.sim.freebit.Line;
import dev.portal.sim.sims.CallerSim;
import dev.portal.sim.sims.CallerSims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * The operations a customer asks for on one of their SIMs, each with the timing the portal gives it: a top-up now
 * or on a day, a plan change from the 1st of next month, voice options and network type now, a cancellation and an
 * eSIM reissue on a day. A request is checked against the line as Freebit reports it, then recorded under the
 * line's row lock, where the minimum interval between plan, voice option and network type changes and the line's
 * pending changes are checked; its scheduled execution is written in the same transaction and sends it.
 */
@Service
public class OperationManagement {

    private static final Logger log = LoggerFactory.getLogger(OperationManagement.class);
    private static final Set<OperationKind> SPACED = EnumSet.of(OperationKind.PLAN_CHANGE, OperationKind.VOICE_OPTIONS,
            OperationKind.NETWORK_TYPE);
    private static final Set<OperationStatus> UNDER_WAY = EnumSet.of(OperationStatus.REQUESTED, OperationStatus.SUBMITTING,
            OperationStatus.SUBMITTED);
    private static final Set<OperationStatus> PENDING = EnumSet.of(OperationStatus.REQUESTED, OperationStatus.SCHEDULED,
            OperationStatus.SUBMITTING, OperationStatus.SUBMITTED);
    /** How far ahead a day may be chosen. */
    static final int MAX_DAYS_AHEAD = 365;

    private final CallerSims sims;
    private final FreebitLines lines;
    private final SimOperations operations;
    private final SimLines simLines;
    private final OperationRunner runner;
    private final Schedules schedules;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final SimProperties properties;

    OperationManagement(CallerSims sims, FreebitLines lines, SimOperations operations, SimLines simLines, OperationRunner runner,
                        Schedules schedules, TransactionTemplate transactions, Clock clock, IdGenerator ids, SimProperties properties) {
        this.sims = sims;
        this.lines = lines;
        this.operations = operations;
        this.simLines = simLines;
        this.runner = runner;
        this.schedules = schedules;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.properties = properties;
    }

    /** Adds data now ({@code date} null or today) or at 00:00 of {@code date}. */
    public OperationView topUp(long simId, int quotaMb, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date == null ? today : within(date, today, today.plusDays(MAX_DAYS_AHEAD));
        return request(simId, OperationKind.TOP_UP, Target.topUp(quotaMb), day, line -> { });
    }

    /** Changes the plan from the 1st of next month. */
    public OperationView changePlan(long simId, String planCode) {
        LocalDate firstOfNextMonth = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1);
        return request(simId, OperationKind.PLAN_CHANGE, Target.plan(planCode), firstOfNextMonth, line -> {
            if (planCode.equals(line.planCode())) {
                throw ChangeNotApplicable.unchanged("plan " + planCode);
            }
        });
    }

    /** Sets the named voice options now (absent ones stay as they are). */
    public OperationView changeVoiceOptions(long simId, Map<String, Boolean> options) {
        return request(simId, OperationKind.VOICE_OPTIONS, Target.voice(options), LocalDate.now(clock), line -> {
            if (!line.voice()) {
                throw ChangeNotApplicable.noVoice();
            }
            if (options.entrySet().stream().allMatch(o -> o.getValue().equals(line.voiceOptions().get(o.getKey())))) {
                throw ChangeNotApplicable.unchanged("these voice options");
            }
        });
    }

    /** Switches between 4G and 5G now (Freebit takes about 30 minutes, the line locked meanwhile). */
    public OperationView changeNetworkType(long simId, String networkType) {
        return request(simId, OperationKind.NETWORK_TYPE, Target.network(networkType), LocalDate.now(clock), line -> {
            if (networkType.equals(line.networkType())) {
                throw ChangeNotApplicable.unchanged("network type " + networkType);
            }
        });
    }

    /** Cancels the SIM plan effective {@code date} (tomorrow at the earliest); sent to Freebit on that day. */
    public OperationView cancelPlan(long simId, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        return request(simId, OperationKind.CANCELLATION, Target.none(), within(date, today.plusDays(1), today.plusDays(MAX_DAYS_AHEAD)),
                line -> { });
    }

    /** Reissues the eSIM onto the device {@code eid}, on {@code date} (null: as soon as possible). */
    public OperationView reissueEsim(long simId, String eid, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date == null ? today : within(date, today, today.plusDays(MAX_DAYS_AHEAD));
        return request(simId, OperationKind.ESIM_REISSUE, Target.esim(eid), day, line -> {
            if (!line.esim()) {
                throw ChangeNotApplicable.notEsim();
            }
        });
    }

    /** The SIM's operations, newest first. */
    public List<OperationView> history(long simId) {
        CallerSim sim = sims.get(simId);
        return operations.findBySimIdOrderByRequestedAtDesc(sim.id()).stream().map(OperationView::of).toList();
    }

    /** Calls off a scheduled operation before it is sent. */
    public OperationView cancelOperation(long simId, UUID operationId) {
        CallerSim sim = sims.get(simId);
        operations.findByIdAndSimId(operationId, sim.id()).orElseThrow(() -> new OperationNotFound(operationId));
        SimOperation cancelled = transactions.execute(status -> {
            SimOperation op = operations.lockById(operationId).orElseThrow(() -> new OperationNotFound(operationId));
            op.cancel(clock.instant());
            SimOperation saved = operations.save(op);
            schedules.cancel(new TaskInstance<Void>(OperationRunner.TASK, operationId.toString()));
            return saved;
        });
        log.info("SIM operation {} ({} on SIM {}) cancelled", operationId, cancelled.kind().wire(), simId);
        return OperationView.of(cancelled);
    }

    private OperationView request(long simId, OperationKind kind, Target target, LocalDate effectiveDate, Consumer<Line> applicable) {
        CallerSim sim = sims.get(simId);
        if (!sim.sim().active()) {
            throw new SimNotActive(simId, sim.sim().status());
        }
        Line line = lines.line(sim.msisdn());
        runner.observe(line);
        if (line.cancelled()) {
            throw new SimNotActive(simId, "cancelled");
        }
        applicable.accept(line);
        Instant runAt = kind == OperationKind.PLAN_CHANGE || effectiveDate.equals(LocalDate.now(clock))
                ? clock.instant() : effectiveDate.atStartOfDay(properties.timeZone()).toInstant();
        SimOperation op = transactions.execute(status -> {
            simLines.lock(sim.msisdn());
            Instant now = clock.instant();
            if (kind.spaced()) {
                requireInterval(sim.msisdn(), now);
            }
            List<SimOperation> pending = operations.findByMsisdnAndStatusIn(sim.msisdn(), PENDING);
            if (!runAt.isAfter(now)) {
                Optional<SimOperation> busy = pending.stream()
                        .filter(o -> o.kind().locksLine() && UNDER_WAY.contains(o.status())).findFirst();
                if (busy.isPresent()) {
                    throw new LineBusy(busy.get().kind().wire());
                }
                if ("processing".equals(line.state())) {
                    throw new LineBusy("a change made outside the portal");
                }
            }
            if (kind == OperationKind.PLAN_CHANGE || kind == OperationKind.CANCELLATION) {
                if (pending.stream().anyMatch(o -> o.kind() == kind)) {
                    throw new ChangePending(kind);
                }
            }
            SimOperation created = SimOperation.request(ids.generateId(), kind, target, sim.id(), sim.msisdn(), sim.clientId(),
                    sim.userId(), effectiveDate, runAt, now);
            operations.save(created);
            schedules.schedule(new TaskInstance<Void>(OperationRunner.TASK, created.id().toString()), runAt);
            return created;
        });
        log.info("SIM operation {} ({} on SIM {}) {} for {}", op.id(), kind.wire(), simId, op.status(), runAt);
        return OperationView.of(op);
    }

    private void requireInterval(String msisdn, Instant now) {
        Duration interval = properties.operations().changeInterval();
        Optional<Instant> last = operations.lastChangeAt(msisdn, SPACED);
        if (last.isPresent() && now.isBefore(last.get().plus(interval))) {
            Instant next = last.get().plus(interval);
            // replicas' clocks differ a little, so the change recorded by another one may carry a time later than
            // this replica's now: the wait is counted from whichever is later, never longer than the interval
            Instant from = now.isAfter(last.get()) ? now : last.get();
            throw new ChangeTooSoon(interval, next, Duration.between(from, next));
        }
    }

    private static LocalDate within(LocalDate date, LocalDate earliest, LocalDate latest) {
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw new DateOutOfRange(date, earliest, latest);
        }
        return date;
    }
}
