package dev.portal.clients.whmcs;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Readers for WHMCS's loose scalar values. */
final class WhmcsValues {

    private WhmcsValues() {
    }

    /** {@code 2016-01-08} or {@code 2016-01-08 12:00:00}; {@code 0000-00-00…}, empty and null are no date. */
    static final class Day extends ValueDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = scalar(p, ctxt, LocalDate.class);
            if (noDate(text)) {
                return null;
            }
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "not a WHMCS date (YYYY-MM-DD)");
            }
        }

        @Override
        public LocalDate getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** {@code 2016-01-08 12:00:00} (or a bare date, read as midnight); zero dates, empty and null are none. */
    static final class Moment extends ValueDeserializer<LocalDateTime> {
        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = scalar(p, ctxt, LocalDateTime.class);
            if (noDate(text)) {
                return null;
            }
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDateTime.class, "not a WHMCS date-time (YYYY-MM-DD HH:MM:SS)");
            }
        }
    }

    /** WHMCS flags: {@code true}, {@code 1}, {@code "1"}, {@code "true"}, {@code "on"} are true; false, 0, "" and null are false. */
    static final class Flag extends ValueDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue() != 0;
            }
            String text = scalar(p, ctxt, Boolean.class);
            return text != null && switch (text.toLowerCase()) {
                case "1", "true", "on", "yes" -> true;
                default -> false;
            };
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) {
            return false;
        }
    }

    private static String scalar(JsonParser p, DeserializationContext ctxt, Class<?> type) {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == null || !token.isScalarValue()) {
            return ctxt.reportInputMismatch(type, "expected a WHMCS scalar, got %s", token);
        }
        return p.getString().strip();
    }

    private static boolean noDate(String text) {
        return text == null || text.isEmpty() || text.startsWith("0000-00-00");
    }
}
