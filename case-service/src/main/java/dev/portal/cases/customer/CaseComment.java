package dev.portal.cases.customer;

import java.time.Instant;

/** A comment on a case that the customer may read (Salesforce's published CaseComment). */
public record CaseComment(String id, String body, Instant createdAt) {
}
