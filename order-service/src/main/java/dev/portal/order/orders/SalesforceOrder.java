package dev.portal.order.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An Order as Salesforce holds it, translated from Salesforce's fields by the adapters.
 *
 * @param reference the portal checkout that created it ({@code OrderReferenceNumber}); null for orders made in Salesforce
 * @param lines     its items; empty when they were not read with it
 */
public record SalesforceOrder(String id, String accountId, String orderNumber, String status, LocalDate effectiveDate,
                              String note, Instant createdAt, UUID reference, List<OrderLine> lines) {

    public SalesforceOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public SalesforceOrder withLines(List<OrderLine> read) {
        return new SalesforceOrder(id, accountId, orderNumber, status, effectiveDate, note, createdAt, reference, read);
    }
}
