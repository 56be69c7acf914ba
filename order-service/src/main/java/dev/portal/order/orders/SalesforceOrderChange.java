package dev.portal.order.orders;

import java.time.LocalDate;

/** The fields of an Order that one Salesforce change set; a null component was not part of the change. */
public record SalesforceOrderChange(String status, String orderNumber, LocalDate effectiveDate, String note) {
}
