package dev.portal.clients.freebit;

import dev.portal.clients.support.ExternalRejectedException;

/**
 * Freebit refused the request: the envelope's {@code resultCode} was not {@code "100"}. Carries the vendor's
 * {@code resultCode}, {@code status.statusCode} and {@code status.message}.
 */
public class FreebitApiException extends ExternalRejectedException {

    private final String resultCode;
    private final String statusCode;
    private final String vendorMessage;

    public FreebitApiException(String operation, int httpStatus, String resultCode, String statusCode, String vendorMessage) {
        super(FreebitClient.SYSTEM, operation, httpStatus,
                "resultCode " + resultCode + " (statusCode " + statusCode + "): " + vendorMessage);
        this.resultCode = resultCode;
        this.statusCode = statusCode;
        this.vendorMessage = vendorMessage;
    }

    /** The envelope's {@code resultCode}, e.g. {@code "211"}. */
    public String resultCode() {
        return resultCode;
    }

    /** The envelope's {@code status.statusCode}, or null when absent. */
    public String statusCode() {
        return statusCode;
    }

    /** The envelope's {@code status.message}, or null when absent. */
    public String vendorMessage() {
        return vendorMessage;
    }
}
