package dev.portal.sandbox.stripe;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A refusal in Stripe's shape: {@code {"error":{"code","doc_url","message","param","type"}}} with its HTTP status.
 * {@code validation} marks refusals raised before the endpoint starts executing: their result is not saved
 * under an idempotency key.
 */
final class StripeError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final boolean validation;

    StripeError(int status, String type, String code, String param, String message, boolean validation) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.validation = validation;
    }

    static StripeError missing(String param) {
        return new StripeError(400, "invalid_request_error", "parameter_missing", param, "Missing required param: " + param + ".", true);
    }

    static StripeError unknown(String param) {
        return new StripeError(400, "invalid_request_error", "parameter_unknown", param,
                "Received unknown parameter: " + param, true);
    }

    static StripeError invalid(String param, String message) {
        return new StripeError(400, "invalid_request_error", "parameter_invalid_string", param, message, true);
    }

    static StripeError invalidInteger(String param, String value) {
        return new StripeError(400, "invalid_request_error", "parameter_invalid_integer", param,
                "Invalid integer: " + value, true);
    }

    static StripeError noSuch(String kind, String id, String param) {
        return new StripeError(404, "invalid_request_error", "resource_missing", param,
                "No such " + kind + ": '" + id + "'", false);
    }

    static StripeError refused(String param, String message) {
        return new StripeError(400, "invalid_request_error", null, param, message, false);
    }

    static StripeError unrecognizedUrl(String method, String path) {
        return new StripeError(404, "invalid_request_error", null, null,
                "Unrecognized request URL (" + method + ": " + path + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", true);
    }

    static StripeError rateLimited() {
        return new StripeError(429, "invalid_request_error", "rate_limit", null,
                "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.", true);
    }

    static StripeError apiError(int status) {
        return new StripeError(status, "api_error", null, null,
                "Sorry, something went wrong. We've already been notified of the problem.", false);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    boolean validation() {
        return validation;
    }

    ObjectNode body() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        return root;
    }
}
