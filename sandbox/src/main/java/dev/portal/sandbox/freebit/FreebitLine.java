package dev.portal.sandbox.freebit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** One simulated SIM line (a Freebit MVNO account). Mutable; guarded by {@link FreebitLines}. */
final class FreebitLine {

    /** Quota added with addSpec/eachQuota. */
    record QuotaGrant(String quotaCode, long kb, LocalDate expire, Instant addedAt) {
    }

    /** Kinds of asynchronous or scheduled orders, by their name in answers. */
    enum Order {
        CHANGE_PLAN("changePlan"), TALK_OPTION("talkOptionChange"), CONTRACT_LINE("contractLineChange"),
        CANCEL("cancel"), ESIM_REISSUE("esimReissue"), QUOTA_ADD("quotaAdd"), ACTIVATION("activation");

        final String wire;

        Order(String wire) {
            this.wire = wire;
        }
    }

    /** An order accepted but not yet done: done at {@code dueAt}; while {@code locks}, the line refuses changes. */
    record Pending(String id, Order order, Instant requestedAt, Instant dueAt, boolean locks, LocalDate runDate,
                   Map<String, String> details, Consumer<FreebitLine> apply) {
    }

    /** An order that completed, for the admin view. */
    record Done(String id, Order order, Instant requestedAt, Instant doneAt, Map<String, String> details) {
    }

    final String account;
    final boolean esim;
    final boolean voice;
    final LocalDate startDate;
    String productNumber;
    String planCode;
    String contractLine;
    String eid;
    String globalIp = "20";
    boolean cancelled;
    LocalDate cancelDate;
    long baseRemainingKb;
    Instant lastChangeAt;
    final List<QuotaGrant> grants = new ArrayList<>();
    final TreeMap<LocalDate, Long> usageKb = new TreeMap<>();
    final Map<String, String> talkOptions = new LinkedHashMap<>();
    final List<Pending> pending = new ArrayList<>();
    final List<Done> done = new ArrayList<>();

    FreebitLine(String account, boolean esim, boolean voice, LocalDate startDate, String productNumber, String planCode,
         String contractLine, String eid, long baseRemainingKb) {
        this.account = account;
        this.esim = esim;
        this.voice = voice;
        this.startDate = startDate;
        this.productNumber = productNumber;
        this.planCode = planCode;
        this.contractLine = contractLine;
        this.eid = eid;
        this.baseRemainingKb = baseRemainingKb;
    }

    boolean locked() {
        return pending.stream().anyMatch(Pending::locks);
    }

    boolean hasPending(Order order) {
        return pending.stream().anyMatch(p -> p.order() == order);
    }

    long remainingKb(LocalDate today, Instant now) {
        long granted = grants.stream()
                .filter(g -> !g.addedAt().isAfter(now) && (g.expire() == null || !today.isAfter(g.expire())))
                .mapToLong(QuotaGrant::kb).sum();
        return Math.max(0, baseRemainingKb + granted);
    }
}
