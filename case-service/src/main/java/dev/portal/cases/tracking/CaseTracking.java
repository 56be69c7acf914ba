package dev.portal.cases.tracking;

import dev.portal.cases.owners.AccountUsers;
import dev.portal.clients.salesforce.SalesforceId;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import dev.portal.platform.outbox.Notifications;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one bridged Case change to the local view and tells the case's customers when an agent changed it.
 * Runs inside the inbox transaction: the view, the inbox record and the notifications commit together.
 *
 * <ul>
 *   <li>CREATE/UNDELETE carry the whole case; an UPDATE carries only what changed, so it is applied to the view's row,
 *       or, for a case the view has never seen (opened before this service ran), to the case read again from
 *       Salesforce once. Gap and resync records are the case as re-read; a DELETE (or an empty re-read) removes it.</li>
 *   <li>A change older than the one the view holds (by Salesforce commit time) is not applied.</li>
 *   <li>{@code case.updated} goes to every portal user of the case's Account when the change was not the portal's own
 *       ({@code ce_portalorigin}) and touched something: a CREATE/UNDELETE, an UPDATE of any non-system field,
 *       or a re-read that shows a new status or subject.</li>
 * </ul>
 */
@Component
class CaseTracking {

    static final String CHANGE_TYPE = "changetype";
    static final String PORTAL_ORIGIN = "portalorigin";
    /** Fields Salesforce changes with every write: changing only these is nobody's news. */
    private static final Set<String> SYSTEM_FIELDS = Set.of("LastModifiedDate", "LastModifiedById", "SystemModstamp");
    private static final Logger log = LoggerFactory.getLogger(CaseTracking.class);

    private final TrackedCases trackedCases;
    private final CaseSnapshots snapshots;
    private final AccountUsers accountUsers;
    private final Notifications notifications;
    private final MeterRegistry meters;

    CaseTracking(TrackedCases trackedCases, CaseSnapshots snapshots, AccountUsers accountUsers, Notifications notifications,
                 MeterRegistry meters) {
        this.trackedCases = trackedCases;
        this.snapshots = snapshots;
        this.accountUsers = accountUsers;
        this.notifications = notifications;
        this.meters = meters;
    }

    void apply(CaseChanged change, EventEnvelope envelope) {
        SalesforceId caseId = SalesforceId.parse(envelope.subject(), "500").orElseThrow(() ->
                new MalformedEventException("event " + envelope.id() + " is not about a Case: " + envelope.subject()));
        String changeType = envelope.extension(CHANGE_TYPE).orElseThrow(() ->
                new MalformedEventException("event " + envelope.id() + " has no ce_" + CHANGE_TYPE + " attribute"));
        boolean byPortal = envelope.extension(PORTAL_ORIGIN).map("true"::equalsIgnoreCase).orElse(false);
        Instant at = change.commitTimestamp() != null ? change.commitTimestamp() : envelope.time().toInstant();

        Optional<TrackedCase> before = trackedCases.lock(caseId);
        if (before.isPresent() && at.isBefore(before.get().changedAt())) {
            log.debug("case {}: {} of {} is older than the view's {}, not applied", caseId, changeType, at, before.get().changedAt());
            count("stale");
            return;
        }
        Optional<TrackedCase> after = switch (changeType) {
            case "DELETE", "GAP_DELETE" -> Optional.empty();
            case "CREATE", "UNDELETE" -> Optional.of(TrackedCase.of(caseId, change.fields(), at));
            case "UPDATE" -> before.map(known -> known.updatedBy(change.changedFields(), change.fields(), at)).or(() -> reread(caseId, at));
            default -> change.reread() && !change.fields().isEmpty() ? Optional.of(TrackedCase.of(caseId, change.fields(), at)) : reread(caseId, at);
        };
        if (after.isEmpty()) {
            trackedCases.remove(caseId);
            count("removed");
            return;
        }
        trackedCases.save(after.get());
        if (!byPortal && newsworthy(changeType, change, before, after.get())) {
            notifyOwners(after.get(), changeType, at);
        } else {
            count(byPortal ? "portal-change" : "no-news");
        }
    }

    private Optional<TrackedCase> reread(SalesforceId caseId, Instant at) {
        return snapshots.current(caseId).map(snapshot -> TrackedCase.of(caseId, snapshot, at));
    }

    private static boolean newsworthy(String changeType, CaseChanged change, Optional<TrackedCase> before, TrackedCase after) {
        return switch (changeType) {
            case "CREATE", "UNDELETE" -> true;
            case "UPDATE" -> change.changedFields().stream().anyMatch(field -> !SYSTEM_FIELDS.contains(field));
            // a re-read says what the case is, not what changed: news only when it visibly differs from what was known
            default -> before.map(after::looksDifferentFrom).orElse(false);
        };
    }

    private void notifyOwners(TrackedCase c, String changeType, Instant at) {
        List<UUID> users = c.account() == null ? List.of() : accountUsers.of(c.account());
        for (UUID user : users) {
            notifications.publish(user, CaseUpdated.TYPE, new CaseUpdated(c.caseId().value(), c.caseNumber(), c.status(), c.subject(), at));
        }
        count(users.isEmpty() ? "no-portal-users" : "notified");
        log.info("case {} of account {} changed in Salesforce ({}): {} portal user(s) notified", c.caseId(), c.account(), changeType, users.size());
    }

    private void count(String outcome) {
        meters.counter("portal.case.changes", "outcome", outcome).increment();
    }
}
