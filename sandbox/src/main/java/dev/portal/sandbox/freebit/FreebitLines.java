package dev.portal.sandbox.freebit;

import org.springframework.beans.factory.annotation.Autowired;
import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulated SIM lines and the rules of the operations on them. Asynchronous orders complete when the
 * {@link FreebitClock} passes their due time (checked on every access, so advancing the clock completes them).
 * Every method is synchronized: the state is small and requests are few.
 */
@Component
@EnableConfigurationProperties(FreebitSettings.class)
class FreebitLines implements SeededState {

    private static final Logger log = LoggerFactory.getLogger(FreebitLines.class);
    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final FreebitSettings settings;
    private final FreebitClock clock;
    private final Map<String, FreebitLine> lines = new LinkedHashMap<>();
    private final AtomicLong orderIds = new AtomicLong();
    private final AtomicLong productNumbers = new AtomicLong();

    @Autowired
    FreebitLines(FreebitSettings settings, FreebitTime time) {
        this(settings, time.clock());
    }

    FreebitLines(FreebitSettings settings, FreebitClock clock) {
        this.settings = settings;
        this.clock = clock;
        reset();
    }

    @Override
    public String system() {
        return SandboxSystems.FREEBIT;
    }

    @Override
    public synchronized void reset() {
        clock.reset();
        lines.clear();
        orderIds.set(0);
        productNumbers.set(0);
        LocalDate today = today();
        FreebitLine hanako = new FreebitLine("09012345678", false, true, LocalDate.of(2024, 4, 1), "AX0000000000001", "VOICE_10GB",
                "4G", null, mb(6_240));
        voiceDefaults(hanako);
        usage(hanako, today, 310, 520, 145);
        FreebitLine aikoData = new FreebitLine("08011112222", false, false, LocalDate.of(2025, 1, 15), "AX0000000000002", "DATA_3GB",
                "4G", null, mb(1_150));
        usage(aikoData, today, 80, 120, 60);
        FreebitLine aikoEsim = new FreebitLine("07033334444", true, true, LocalDate.of(2025, 6, 1), "DN0000000000003", "VOICE_20GB",
                "5G", "89049032000000000000000000000001", mb(15_300));
        voiceDefaults(aikoEsim);
        usage(aikoEsim, today, 900, 1_200, 750);
        for (FreebitLine line : List.of(hanako, aikoData, aikoEsim)) {
            lines.put(line.account, line);
        }
    }

    private static void voiceDefaults(FreebitLine line) {
        line.talkOptions.put("voiceMail", "10");
        line.talkOptions.put("callWaiting", "20");
        line.talkOptions.put("worldCall", "10");
        line.talkOptions.put("worldWing", "20");
    }

    /** Usage on the days before {@code today}, oldest first. */
    private static void usage(FreebitLine line, LocalDate today, long... mbPerDay) {
        for (int i = 0; i < mbPerDay.length; i++) {
            line.usageKb.put(today.minusDays(mbPerDay.length - i), mb(mbPerDay[i]));
        }
    }

    static long mb(long megabytes) {
        return megabytes * 1024;
    }

    Instant clockInstant() {
        return clock.instant();
    }

    LocalDate today() {
        return clock.instant().atZone(settings.zone()).toLocalDate();
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(settings.zone()).toInstant();
    }

    // ---- reads ----

    /** {@code view} of one line (run under the lock), after completing whatever is due. */
    synchronized <T> T read(String account, Function<FreebitLine, T> view) {
        return view.apply(find(account));
    }

    synchronized List<String> accounts() {
        return List.copyOf(lines.keySet());
    }

    // ---- operations ----

    synchronized void addQuota(String account, long quotaMb, String quotaCode, LocalDate expire, Instant runTime) {
        FreebitLine line = changeable(account);
        Instant now = clock.instant();
        if (expire != null && expire.isBefore(today())) {
            throw FreebitError.invalid("expire " + expire.format(YYYYMMDD) + " is in the past");
        }
        FreebitLine.QuotaGrant grant = new FreebitLine.QuotaGrant(quotaCode, mb(quotaMb), expire, runTime == null ? now : runTime);
        if (runTime == null || !runTime.isAfter(now)) {
            line.grants.add(grant);
            log.info("freebit sandbox: {} MB added to line {}", quotaMb, account);
            return;
        }
        schedule(line, FreebitLine.Order.QUOTA_ADD, runTime, false, null,
                details("quota", Long.toString(quotaMb), "quotaCode", quotaCode), l -> l.grants.add(grant));
    }

    /** Reserves a plan change; returns the date it takes effect. */
    synchronized LocalDate changePlan(String account, String planCode, String globalIp, LocalDate runTime) {
        FreebitLine line = changeable(account);
        Instant now = clock.instant();
        requireInterval(line, now);
        if (line.hasPending(FreebitLine.Order.CHANGE_PLAN)) {
            throw new FreebitError(FreebitError.ALREADY_RESERVED, "409", "a plan change is already reserved for this account");
        }
        if (!settings.planCodes().contains(planCode)) {
            throw FreebitError.invalid("unknown planCode " + planCode);
        }
        if (planCode.equals(line.planCode)) {
            throw new FreebitError(FreebitError.NOT_APPLICABLE, "400", "the account already has plan " + planCode);
        }
        LocalDate effective = runTime != null ? runTime
                : settings.planChangeNextMonth() ? today().withDayOfMonth(1).plusMonths(1) : today();
        if (effective.isBefore(today())) {
            throw FreebitError.invalid("runTime " + effective.format(YYYYMMDD) + " is in the past");
        }
        line.lastChangeAt = now;
        Instant due = runTime == null && !settings.planChangeNextMonth() ? now : startOf(effective);
        schedule(line, FreebitLine.Order.CHANGE_PLAN, due, false, effective,
                details("planCode", planCode, "globalIp", globalIp), l -> {
                    l.planCode = planCode;
                    l.globalIp = globalIp;
                });
        return effective;
    }

    synchronized void changeTalkOptions(String account, Map<String, String> options) {
        FreebitLine line = changeable(account);
        Instant now = clock.instant();
        requireInterval(line, now);
        if (!line.voice) {
            throw new FreebitError(FreebitError.NOT_APPLICABLE, "400", "the account has no voice service");
        }
        line.lastChangeAt = now;
        Map<String, String> copy = Map.copyOf(options);
        schedule(line, FreebitLine.Order.TALK_OPTION, now.plus(settings.talkOptionDuration()), true, null, new LinkedHashMap<>(copy),
                l -> l.talkOptions.putAll(copy));
    }

    synchronized void changeContractLine(String account, String contractLine, String productNumber) {
        FreebitLine line = changeable(account);
        Instant now = clock.instant();
        requireInterval(line, now);
        if (productNumber != null && !productNumber.equals(line.productNumber)) {
            throw FreebitError.invalid("productNumber " + productNumber + " is not the account's SIM");
        }
        if (contractLine.equals(line.contractLine)) {
            throw new FreebitError(FreebitError.NOT_APPLICABLE, "400", "the account is already on " + contractLine);
        }
        line.lastChangeAt = now;
        schedule(line, FreebitLine.Order.CONTRACT_LINE, now.plus(settings.contractLineDuration()), true, null,
                details("contractLine", contractLine), l -> l.contractLine = contractLine);
    }

    /** Reserves the cancellation; returns the day it takes effect. */
    synchronized LocalDate cancel(String account, LocalDate runDate) {
        FreebitLine line = changeable(account);
        Instant now = clock.instant();
        if (line.hasPending(FreebitLine.Order.CANCEL)) {
            throw new FreebitError(FreebitError.ALREADY_RESERVED, "409", "a cancellation is already reserved for this account");
        }
        if (runDate != null && runDate.isBefore(today())) {
            throw FreebitError.invalid("runDate " + runDate.format(YYYYMMDD) + " is in the past");
        }
        boolean immediate = runDate == null;
        LocalDate effective = immediate ? today() : runDate;
        Instant due = (immediate ? now : startOf(runDate)).plus(settings.cancelDelay());
        line.cancelDate = effective;
        schedule(line, FreebitLine.Order.CANCEL, due, immediate, effective, details(), l -> {
            l.cancelled = true;
            l.pending.clear();
        });
        return effective;
    }

    synchronized void reissueEsim(String account, String newEid, String oldProductNumber, String oldEid) {
        FreebitLine line = changeable(account);
        if (!line.esim) {
            throw new FreebitError(FreebitError.NOT_APPLICABLE, "400", "the account's SIM is not an eSIM");
        }
        if (oldProductNumber != null && !oldProductNumber.equals(line.productNumber)) {
            throw FreebitError.invalid("reissue.oldProductNumber " + oldProductNumber + " is not the account's SIM");
        }
        if (oldEid != null && !oldEid.equals(line.eid)) {
            throw FreebitError.invalid("reissue.oldEid does not match the account's eSIM");
        }
        String productNumber = "DN" + String.format("%013d", 1_000_000_000_000L + productNumbers.incrementAndGet());
        schedule(line, FreebitLine.Order.ESIM_REISSUE, clock.instant().plus(settings.esimReissueDuration()), true, null,
                details("eid", newEid, "productNumber", productNumber), l -> {
                    l.eid = newEid;
                    l.productNumber = productNumber;
                });
    }

    /**
     * A new line (PA02-01, or PA05-41 with {@code addKind "N"}): it exists at once, {@code processing} (locked) until
     * the activation completes after {@code takes}. Returns the SIM's product number.
     */
    synchronized String register(String account, boolean esim, String eid, String planCode, String contractLine, Duration takes) {
        if (lines.containsKey(account)) {
            throw new FreebitError(FreebitError.ACCOUNT_EXISTS, "409", "account " + account + " already exists");
        }
        if (!settings.planCodes().contains(planCode)) {
            throw FreebitError.invalid("unknown planCode " + planCode);
        }
        String productNumber = (esim ? "DN" : "AX") + String.format("%013d", 2_000_000_000_000L + productNumbers.incrementAndGet());
        FreebitLine line = new FreebitLine(account, esim, planCode.contains("VOICE"), today(), productNumber, planCode,
                contractLine, eid, 0);
        if (line.voice) {
            voiceDefaults(line);
        }
        lines.put(account, line);
        schedule(line, FreebitLine.Order.ACTIVATION, clock.instant().plus(takes), true, null,
                details("planCode", planCode, "simKind", esim ? "esim" : "sim", "productNumber", productNumber), l -> {
                });
        return productNumber;
    }

    // ---- scenarios ----

    synchronized void addUsage(String account, LocalDate date, long usedMb) {
        FreebitLine line = find(account);
        line.usageKb.merge(date, mb(usedMb), Long::sum);
        line.baseRemainingKb -= mb(usedMb);
    }

    /** Moves the clock forward and completes what fell due; returns the orders completed. */
    synchronized List<FreebitLine.Done> advance(Duration by) {
        Set<String> before = new HashSet<>();
        lines.values().forEach(l -> l.done.forEach(d -> before.add(d.id())));
        clock.advance(by);
        settleAll();
        List<FreebitLine.Done> completed = new ArrayList<>();
        lines.values().forEach(l -> l.done.stream().filter(d -> !before.contains(d.id())).forEach(completed::add));
        completed.sort(Comparator.comparing(FreebitLine.Done::doneAt));
        return completed;
    }

    synchronized void setClock(Instant now) {
        clock.set(now);
        settleAll();
    }

    // ---- rules ----

    private FreebitLine find(String account) {
        FreebitLine line = lines.get(account);
        if (line == null) {
            throw new FreebitError(FreebitError.ACCOUNT_NOT_FOUND, "404", "account " + account + " not found");
        }
        settle(line, clock.instant());
        return line;
    }

    private FreebitLine changeable(String account) {
        FreebitLine line = find(account);
        if (line.cancelled) {
            throw new FreebitError(FreebitError.ACCOUNT_CANCELLED, "409", "account " + account + " is cancelled");
        }
        if (line.locked()) {
            FreebitLine.Pending busy = line.pending.stream().filter(FreebitLine.Pending::locks).findFirst().orElseThrow();
            throw new FreebitError(FreebitError.PROCESSING, "409", "account " + account + " is processing a "
                    + busy.order().wire + " order; try again later");
        }
        return line;
    }

    private void requireInterval(FreebitLine line, Instant now) {
        if (line.lastChangeAt != null && now.isBefore(line.lastChangeAt.plus(settings.changeInterval()))) {
            long minutes = Math.max(1, Duration.between(now, line.lastChangeAt.plus(settings.changeInterval())).toMinutes());
            throw new FreebitError(FreebitError.INTERVAL_NOT_ELAPSED, "409", "plan, voice option and network type changes need "
                    + settings.changeInterval().toMinutes() + " minutes between them; retry in " + minutes + " minutes");
        }
    }

    private void schedule(FreebitLine line, FreebitLine.Order order, Instant due, boolean locks, LocalDate runDate,
                          Map<String, String> details, Consumer<FreebitLine> apply) {
        String id = "SBX" + String.format("%09d", orderIds.incrementAndGet());
        line.pending.add(new FreebitLine.Pending(id, order, clock.instant(), due, locks, runDate, details, apply));
        log.info("freebit sandbox: {} order {} accepted for line {}, due {}", order.wire, id, line.account, due);
    }

    private void settleAll() {
        Instant now = clock.instant();
        lines.values().forEach(line -> settle(line, now));
    }

    private void settle(FreebitLine line, Instant now) {
        List<FreebitLine.Pending> due = line.pending.stream().filter(p -> !p.dueAt().isAfter(now))
                .sorted(Comparator.comparing(FreebitLine.Pending::dueAt)).toList();
        for (FreebitLine.Pending p : due) {
            if (!line.pending.remove(p)) {
                continue; // cleared by an earlier order (cancellation)
            }
            p.apply().accept(line);
            line.done.add(new FreebitLine.Done(p.id(), p.order(), p.requestedAt(), p.dueAt(), p.details()));
            log.info("freebit sandbox: {} order {} done for line {}", p.order().wire, p.id(), line.account);
        }
    }

    private static Map<String, String> details(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
