package dev.portal.cases.tracking;

import dev.portal.clients.salesforce.SalesforceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case in the local view: whose it is and what its customer sees of it in a notification.
 *
 * @param account   null for a case without an Account
 * @param changedAt the Salesforce commit time of the last change applied
 */
record TrackedCase(SalesforceId caseId, SalesforceId account, String caseNumber, String subject, String status, Instant changedAt) {

    /** The case as a CREATE, UNDELETE or re-read carries it (all its non-null fields). */
    static TrackedCase of(SalesforceId caseId, Map<String, Object> fields, Instant at) {
        return new TrackedCase(caseId, account(fields.get("AccountId")), text(fields.get("CaseNumber")), text(fields.get("Subject")),
                text(fields.get("Status")), at);
    }

    static TrackedCase of(SalesforceId caseId, CaseSnapshot snapshot, Instant at) {
        return new TrackedCase(caseId, snapshot.account(), snapshot.caseNumber(), snapshot.subject(), snapshot.status(), at);
    }

    /** This case after an UPDATE: each changed field takes its new value (a changed field without a value was cleared). */
    TrackedCase updatedBy(List<String> changedFields, Map<String, Object> fields, Instant at) {
        return new TrackedCase(caseId,
                changedFields.contains("AccountId") ? account(fields.get("AccountId")) : account,
                changedFields.contains("CaseNumber") ? text(fields.get("CaseNumber")) : caseNumber,
                changedFields.contains("Subject") ? text(fields.get("Subject")) : subject,
                changedFields.contains("Status") ? text(fields.get("Status")) : status,
                at);
    }

    /** Whether a customer would see a difference in a notification: the status or the subject. */
    boolean looksDifferentFrom(TrackedCase other) {
        return !Objects.equals(status, other.status) || !Objects.equals(subject, other.subject);
    }

    private static SalesforceId account(Object value) {
        // an Account id that is not one (never expected from Salesforce) leaves the case without an owner to tell
        return value instanceof String id ? SalesforceId.parse(id, "001").orElse(null) : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
