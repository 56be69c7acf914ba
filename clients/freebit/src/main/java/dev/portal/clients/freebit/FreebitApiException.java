package dev.portal.clients.freebit;

import dev.portal.clients.support.ExternalRejectedException;

/**
 * Freebit refused the request: the envelope's {@code resultCode} was not {@code "100"}. Carries the vendor's
 * {@code resultCode}, {@code status.statusCode} and {@code status.message}.
 */
public class FreebitApiException extends ExternalRejectedException {

    private final FreebitStatus status;

    public FreebitApiException(String operation, int httpStatus, FreebitStatus status) {
        super(FreebitClient.SYSTEM, operation, httpStatus, "" + status);
        this.status = status;
    }

    /** The vendor's verdict: {@code resultCode}, {@code status.statusCode}, {@code status.message}. */
    public FreebitStatus verdict() {
        return status;
    }
}
