package dev.portal.clients.freebit;

import dev.portal.clients.support.ExternalAuthenticationException;

/**
 * Freebit refused the OEM credentials, or a fresh authKey was refused again: calls cannot succeed until the
 * configuration is fixed. Carries the vendor's {@code resultCode}, {@code status.statusCode} and {@code status.message}.
 */
public class FreebitAuthenticationException extends ExternalAuthenticationException {

    private final FreebitStatus status;

    public FreebitAuthenticationException(String operation, int httpStatus, FreebitStatus status) {
        super(FreebitClient.SYSTEM, operation, httpStatus, "authentication refused, " + status);
        this.status = status;
    }

    /** The vendor's verdict: {@code resultCode}, {@code status.statusCode}, {@code status.message}. */
    public FreebitStatus verdict() {
        return status;
    }
}
