package dev.portal.sandbox.salesforce.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A refusal the REST API answers with its status and Salesforce's error array. */
final class SalesforceRestError extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    SalesforceRestError(int status, String errorCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    static SalesforceRestError of(int status, String errorCode, String message) {
        return new SalesforceRestError(status, errorCode, message, null);
    }

    static SalesforceRestError notFound() {
        return of(404, "NOT_FOUND", "The requested resource does not exist");
    }

    static SalesforceRestError invalidField(String message, String... fields) {
        return new SalesforceRestError(400, "INVALID_FIELD", message, List.of(fields));
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    /** The error array body: {@code [{"message","errorCode","fields"?}]}. */
    List<Map<String, Object>> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("errorCode", errorCode);
        if (!fields.isEmpty()) {
            error.put("fields", fields);
        }
        return List.of(error);
    }
}
