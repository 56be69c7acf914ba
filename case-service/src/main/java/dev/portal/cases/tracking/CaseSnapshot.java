package dev.portal.cases.tracking;

import dev.portal.clients.salesforce.SalesforceId;

/**
 * What the view keeps of a case, as Salesforce holds it now (read when a change names a case the view does not know).
 *
 * @param account null for a case without an Account
 */
public record CaseSnapshot(SalesforceId account, String caseNumber, String subject, String status) {
}
