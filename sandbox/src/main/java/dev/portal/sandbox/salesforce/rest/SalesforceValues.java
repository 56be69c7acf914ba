package dev.portal.sandbox.salesforce.rest;

import dev.portal.sandbox.salesforce.SalesforceIds;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.Field;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.SObject;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field values from request JSON to stored form (strings, doubles, booleans, ISO date strings), as Salesforce checks them. */
final class SalesforceValues {

    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private SalesforceValues() {
    }

    static Instant parseDateTime(String text) {
        var parsed = DATETIME_IN.parseBest(text, OffsetDateTime::from, java.time.LocalDateTime::from);
        return parsed instanceof OffsetDateTime odt ? odt.toInstant() : ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /**
     * The stored values of a create or update body. Unknown fields are {@code INVALID_FIELD}, read-only ones
     * {@code INVALID_FIELD_FOR_INSERT_UPDATE}, values of the wrong type {@code JSON_PARSER_ERROR}.
     */
    static Map<String, Object> fromBody(SObject object, JsonNode body, boolean insert, SalesforceState.Tx tx) {
        if (body == null || !body.isObject()) {
            throw SalesforceRestError.of(400, "JSON_PARSER_ERROR", "The request body must be a JSON object of field values");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String name = entry.getKey();
            if (name.equals("attributes")) {
                continue;
            }
            Field field = object.field(name).orElseThrow(() ->
                    SalesforceRestError.invalidField("No such column '" + name + "' on sobject of type " + object.name()));
            if (!field.updatable()) {
                readOnly.add(field.name());
                continue;
            }
            values.put(field.name(), value(object, field, entry.getValue(), tx));
        }
        if (!readOnly.isEmpty()) {
            throw new SalesforceRestError(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + String.join(", ", readOnly)
                    + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.", readOnly);
        }
        return values;
    }

    static Object value(SObject object, Field field, JsonNode node, SalesforceState.Tx tx) {
        if (node == null || node.isNull()) {
            if (field.type() == SalesforceSchema.Type.BOOLEAN) {
                return Boolean.FALSE;
            }
            return null;
        }
        if (node.isContainer()) {
            throw parserError(field, node);
        }
        String text = node.asString();
        return switch (field.type()) {
            case STRING, ID, AUTONUMBER -> text;
            case PICKLIST -> {
                if (!field.picklist().contains(text)) {
                    throw new SalesforceRestError(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                            field.name() + ": bad value for restricted picklist field: " + text, List.of(field.name()));
                }
                yield text;
            }
            case DOUBLE, CURRENCY -> {
                if (node.isNumber()) {
                    yield node.asDouble();
                }
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw parserError(field, node);
                }
            }
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    yield node.asBoolean();
                }
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    yield Boolean.parseBoolean(text);
                }
                throw parserError(field, node);
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString();
                } catch (DateTimeParseException e) {
                    throw parserError(field, node);
                }
            }
            case DATETIME -> {
                try {
                    yield SalesforceState.API_DATETIME.format(parseDateTime(text));
                } catch (DateTimeParseException e) {
                    throw parserError(field, node);
                }
            }
            case REFERENCE -> reference(object, field, text, tx);
        };
    }

    private static String reference(SObject object, Field field, String text, SalesforceState.Tx tx) {
        String id = SalesforceIds.normalize(text);
        String label = field.references() + " ID";
        if (id == null) {
            throw new SalesforceRestError(400, "MALFORMED_ID", label + ": id value of incorrect type: " + text, List.of(field.name()));
        }
        SObject target = SalesforceSchema.object(field.references()).orElse(null);
        if (target == null) {
            return id;
        }
        if (!id.startsWith(target.prefix())) {
            throw new SalesforceRestError(400, "FIELD_INTEGRITY_EXCEPTION", label + ": id value of incorrect type: " + text, List.of(field.name()));
        }
        if (tx.find(id).isEmpty()) {
            throw new SalesforceRestError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of(field.name()));
        }
        return id;
    }

    private static SalesforceRestError parserError(Field field, JsonNode node) {
        String type = switch (field.type()) {
            case DOUBLE, CURRENCY -> "double";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "datetime";
            default -> "string";
        };
        return SalesforceRestError.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + type + " from " + node.getNodeType()
                + " value " + node + " or request may be missing a required field at [line:1, column:1]");
    }
}
