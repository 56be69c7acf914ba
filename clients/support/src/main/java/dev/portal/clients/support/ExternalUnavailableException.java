package dev.portal.clients.support;

/**
 * The external system could not be reached or said it cannot serve now: connection refused or dropped, an HTTP
 * 5xx or 429, or this client's circuit breaker is open.
 */
public non-sealed class ExternalUnavailableException extends ExternalSystemException {

    private final int status;

    /** @param status the HTTP status the system answered with, or 0 when there was no answer */
    public ExternalUnavailableException(String system, String operation, int status, String message, Throwable cause) {
        super(system, operation, message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the connection failed or the breaker refused the call. */
    public int status() {
        return status;
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
