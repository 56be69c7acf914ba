package dev.portal.clients.salesforce;

import dev.portal.clients.support.ExternalRejectedException;

import java.util.List;

/**
 * Salesforce refused a REST request: its HTTP status and the error array it answered with
 * ({@code [{"message","errorCode","fields"}]}), e.g. {@code 400 MALFORMED_QUERY}, {@code 404 NOT_FOUND},
 * {@code 403 REQUEST_LIMIT_EXCEEDED}, or {@code 300 MULTIPLE_RECORDS} for an ambiguous upsert.
 */
public class SalesforceApiException extends ExternalRejectedException {

    /** One entry of Salesforce's error array. */
    public record Error(String errorCode, String message, List<String> fields) {
        public Error {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    private final List<Error> errors;

    public SalesforceApiException(String operation, int status, List<Error> errors) {
        super(SalesforceClient.SYSTEM, operation, status, "HTTP " + status + " " + describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }

    /** The first error's code, e.g. {@code NOT_FOUND}; empty when the answer carried none. */
    public String errorCode() {
        return errors.isEmpty() ? "" : errors.getFirst().errorCode();
    }

    public boolean hasErrorCode(String code) {
        return errors.stream().anyMatch(e -> code.equals(e.errorCode()));
    }

    static String describe(List<Error> errors) {
        StringBuilder text = new StringBuilder();
        for (Error e : errors) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            String message = e.message() == null ? "" : e.message().strip().replaceAll("\\s+", " ");
            text.append(e.errorCode()).append(": ").append(message.length() > 300 ? message.substring(0, 300) + "..." : message);
            if (!e.fields().isEmpty()) {
                text.append(" ").append(e.fields());
            }
        }
        return text.toString();
    }
}
