package dev.portal.order.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Salesforce's field values as Java values: text, numbers, dates and datetimes as the REST API writes them. */
final class SalesforceFields {

    /** A Salesforce record id: only such a value is ever put into SOQL. */
    static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX", Locale.ROOT);

    private SalesforceFields() {
    }

    static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    static BigDecimal decimal(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isNumber() ? value.decimalValue() : null;
    }

    static LocalDate date(JsonNode record, String field) {
        String value = text(record, field);
        return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }

    static Instant datetime(JsonNode record, String field) {
        String value = text(record, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DATETIME).toInstant();
        } catch (DateTimeParseException notSalesforceStyle) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    /** The portal's name of a Salesforce {@code Portal_Category__c} ({@code Internet} is {@code internet}); null for none. */
    static String category(String salesforce) {
        return salesforce == null || salesforce.isBlank() ? null : salesforce.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code id} when it is a Salesforce id, for SOQL. */
    static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Salesforce id: " + id);
        }
        return id;
    }
}
