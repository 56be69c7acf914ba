package dev.portal.cases.tracking;

import java.time.Instant;

/**
 * The {@code case.updated} notification's data (CONTRACTS.md): which case, as its customer knows it, and when Salesforce
 * committed the change.
 */
record CaseUpdated(String caseId, String caseNumber, String status, String subject, Instant at) {

    static final String TYPE = "case.updated";
}
