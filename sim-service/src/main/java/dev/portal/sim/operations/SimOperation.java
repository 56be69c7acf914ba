package dev.portal.sim.operations;

import dev.portal.platform.outbox.Aggregate;
import dev.portal.sim.freebit.Line;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One operation on one SIM line, from the customer's request to Freebit's verdict. Its transitions are
 * {@link #request}, {@link #submitting}, {@link #submitted}, {@link #completed}, {@link #failed} and {@link #cancel};
 * each refuses what the status does not allow and registers its {@link SimOperationEvent}, written to the outbox
 * when {@link SimOperations} saves it. {@link #progressOn(Line)} reads Freebit's line to tell whether the change
 * is done, still running, or was dropped.
 */
@Entity
@Table(name = "sim_operations")
public class SimOperation extends Aggregate<SimOperation, UUID> {

    /** What Freebit's line says about a submitted change. */
    enum Progress { DONE, PENDING, DROPPED }

    @Id
    private UUID id;
    private long simId;
    private String msisdn;
    private long clientId;
    private UUID requestedBy;
    @Enumerated(EnumType.STRING)
    private OperationKind kind;
    @Enumerated(EnumType.STRING)
    private OperationStatus status;
    private Integer quotaMb;
    private String planCode;
    private String networkType;
    private Boolean voiceMail;
    private Boolean callWaiting;
    private Boolean worldCall;
    private Boolean worldWing;
    private String eid;
    private LocalDate effectiveDate;
    private Instant runAt;
    private String reason;
    private Instant requestedAt;
    private Instant submittedAt;
    private Instant finishedAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected SimOperation() {
    }

    /**
     * A new operation, sent at {@code runAt}: {@code REQUESTED} when that is now, {@code SCHEDULED} when later.
     * Registers {@link SimOperationRequested}.
     */
    static SimOperation request(UUID id, OperationKind kind, Target target, long simId, String msisdn, long clientId,
                                UUID requestedBy, LocalDate effectiveDate, Instant runAt, Instant now) {
        SimOperation op = new SimOperation();
        op.id = Objects.requireNonNull(id);
        op.kind = Objects.requireNonNull(kind);
        op.simId = simId;
        op.msisdn = Objects.requireNonNull(msisdn);
        op.clientId = clientId;
        op.requestedBy = Objects.requireNonNull(requestedBy);
        op.quotaMb = target.quotaMb();
        op.planCode = target.planCode();
        op.networkType = target.networkType();
        op.voiceMail = target.voiceOptions().get("voiceMail");
        op.callWaiting = target.voiceOptions().get("callWaiting");
        op.worldCall = target.voiceOptions().get("worldCall");
        op.worldWing = target.voiceOptions().get("worldWing");
        op.eid = target.eid();
        op.effectiveDate = Objects.requireNonNull(effectiveDate);
        op.runAt = Objects.requireNonNull(runAt);
        op.status = runAt.isAfter(now) ? OperationStatus.SCHEDULED : OperationStatus.REQUESTED;
        op.requestedAt = now;
        op.updatedAt = now;
        op.registerEvent(new SimOperationRequested(id, simId, requestedBy, kind.wire(), op.status.name(), effectiveDate, null, now));
        return op;
    }

    /** About to be sent to Freebit: from here on, a restart asks the line before anything is sent again. */
    void submitting(Instant now) {
        require(OperationStatus.REQUESTED, OperationStatus.SCHEDULED);
        status = OperationStatus.SUBMITTING;
        updatedAt = now;
    }

    /** Freebit accepted it. Registers {@link SimOperationSubmitted}. */
    void submitted(Instant now) {
        require(OperationStatus.SUBMITTING);
        status = OperationStatus.SUBMITTED;
        submittedAt = now;
        updatedAt = now;
        registerEvent(new SimOperationSubmitted(id, simId, requestedBy, kind.wire(), status.name(), effectiveDate, null, now));
    }

    /** Freebit is done (or, for a top-up, took it at once). Registers {@link SimOperationCompleted}. */
    void completed(Instant now) {
        require(OperationStatus.SUBMITTING, OperationStatus.SUBMITTED);
        if (submittedAt == null) {
            submittedAt = now;
        }
        status = OperationStatus.COMPLETED;
        finishedAt = now;
        updatedAt = now;
        registerEvent(new SimOperationCompleted(id, simId, requestedBy, kind.wire(), status.name(), effectiveDate, null, now));
    }

    /** It ends without the change; {@code why} is for the customer. Registers {@link SimOperationFailed}. */
    void failed(String why, Instant now) {
        if (status.finished()) {
            throw new IllegalStateException("operation " + id + " is already " + status);
        }
        status = OperationStatus.FAILED;
        reason = Objects.requireNonNull(why);
        finishedAt = now;
        updatedAt = now;
        registerEvent(new SimOperationFailed(id, simId, requestedBy, kind.wire(), status.name(), effectiveDate, why, now));
    }

    /**
     * The customer calls it off before it is sent. Registers {@link SimOperationCancelled}.
     *
     * @throws OperationNotCancellable unless it is {@code SCHEDULED}
     */
    void cancel(Instant now) {
        if (status != OperationStatus.SCHEDULED) {
            throw new OperationNotCancellable(id, status);
        }
        status = OperationStatus.CANCELLED;
        finishedAt = now;
        updatedAt = now;
        registerEvent(new SimOperationCancelled(id, simId, requestedBy, kind.wire(), status.name(), effectiveDate, null, now));
    }

    /** Whether Freebit's line shows the change done, still pending, or neither (dropped, or never taken). */
    Progress progressOn(Line line) {
        return switch (kind) {
            case TOP_UP -> throw new IllegalStateException("a top-up is done when Freebit accepts it; the line does not show it");
            case PLAN_CHANGE -> !line.pending(Line.PLAN_CHANGE).isEmpty() ? Progress.PENDING
                    : planCode.equals(line.planCode()) ? Progress.DONE : Progress.DROPPED;
            case VOICE_OPTIONS -> !line.pending(Line.VOICE_OPTIONS).isEmpty() ? Progress.PENDING
                    : voiceOptions().entrySet().stream().allMatch(o -> o.getValue().equals(line.voiceOptions().get(o.getKey())))
                    ? Progress.DONE : Progress.DROPPED;
            case NETWORK_TYPE -> !line.pending(Line.NETWORK_TYPE).isEmpty() ? Progress.PENDING
                    : networkType.equals(line.networkType()) ? Progress.DONE : Progress.DROPPED;
            case CANCELLATION -> line.cancelled() ? Progress.DONE
                    : !line.pending(Line.CANCELLATION).isEmpty() ? Progress.PENDING : Progress.DROPPED;
            case ESIM_REISSUE -> !line.pending(Line.ESIM_REISSUE).isEmpty() ? Progress.PENDING
                    : eid.equals(line.eid()) ? Progress.DONE : Progress.DROPPED;
        };
    }

    /** When Freebit should be done: the first time to ask it. */
    Instant expectedDoneAt(ZoneId zone) {
        Instant from = kind.dated() ? effectiveDate.atStartOfDay(zone).toInstant() : submittedAt;
        return from.plus(kind.expectedDuration());
    }

    /** When an operation still not confirmed fails. */
    Instant deadline(ZoneId zone, Duration completionTimeout) {
        return expectedDoneAt(zone).plus(completionTimeout);
    }

    private void require(OperationStatus... allowed) {
        for (OperationStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("operation " + id + " is " + status + ", not " + java.util.Arrays.toString(allowed));
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID id() {
        return id;
    }

    long simId() {
        return simId;
    }

    String msisdn() {
        return msisdn;
    }

    UUID requestedBy() {
        return requestedBy;
    }

    OperationKind kind() {
        return kind;
    }

    OperationStatus status() {
        return status;
    }

    Integer quotaMb() {
        return quotaMb;
    }

    String planCode() {
        return planCode;
    }

    String networkType() {
        return networkType;
    }

    String eid() {
        return eid;
    }

    Map<String, Boolean> voiceOptions() {
        Map<String, Boolean> options = new LinkedHashMap<>();
        putIfSet(options, "voiceMail", voiceMail);
        putIfSet(options, "callWaiting", callWaiting);
        putIfSet(options, "worldCall", worldCall);
        putIfSet(options, "worldWing", worldWing);
        return options;
    }

    LocalDate effectiveDate() {
        return effectiveDate;
    }

    Instant runAt() {
        return runAt;
    }

    String reason() {
        return reason;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    private static void putIfSet(Map<String, Boolean> options, String name, Boolean value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
