package dev.portal.cases.customer;

import dev.portal.clients.salesforce.SalesforceId;
import java.time.Instant;

/**
 * A support case as the customer sees it (Salesforce's Case, translated at the edge).
 *
 * @param description null in lists (only one case's page shows it)
 * @param open        whether Salesforce counts it as open ({@code IsClosed = false})
 * @param category    the Case's {@code Type}
 * @param closedAt    when it was closed; null while open
 */
public record SupportCase(SalesforceId id, String caseNumber, String subject, String description, String status, boolean open,
                          String origin, String category, String priority, Instant createdAt, Instant updatedAt, Instant closedAt) {
}
