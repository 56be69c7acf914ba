package dev.portal.cases.salesforce;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.support.ExternalResponseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Salesforce's datetimes ({@code 2026-01-05T09:00:00.000+0000}, or with {@code Z}) as instants. */
final class SalesforceDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX]");

    private SalesforceDates() {
    }

    /** Null for null; a malformed value is a broken answer of the org. */
    static Instant instant(String value, String operation) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            throw new ExternalResponseException(SalesforceClient.SYSTEM, operation, 200, "not a Salesforce datetime: " + value, e);
        }
    }
}
