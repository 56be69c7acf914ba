package dev.portal.clients.stripe;

import dev.portal.clients.support.ExternalRejectedException;

/**
 * Stripe refused the request with its error JSON: {@code type} ({@code invalid_request_error},
 * {@code idempotency_error}, {@code card_error}, …), {@code code} ({@code resource_missing},
 * {@code parameter_missing}, …), the {@code param} at fault and Stripe's request id.
 */
public class StripeApiException extends ExternalRejectedException {

    private final String type;
    private final String code;
    private final String param;
    private final String requestId;

    public StripeApiException(String operation, int status, String type, String code, String param, String message,
                              String requestId) {
        super(StripeBilling.SYSTEM, operation, status, "HTTP " + status + " " + type + (code == null ? "" : "/" + code)
                + (param == null ? "" : " (" + param + ")") + ": " + message);
        this.type = type;
        this.code = code;
        this.param = param;
        this.requestId = requestId;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public String requestId() {
        return requestId;
    }

    /** The object named in the request does not exist ({@code resource_missing}). */
    public boolean resourceMissing() {
        return "resource_missing".equals(code) || status() == 404;
    }
}
