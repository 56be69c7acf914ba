package dev.portal.clients.support;

/**
 * Every failure of a call to an external system, typed by what the caller can do about it. Callers catch the
 * subclass they handle; anything else means the external system could not serve the request.
 */
public abstract sealed class ExternalSystemException extends RuntimeException
        permits ExternalTimeoutException, ExternalUnavailableException, ExternalResponseException, ExternalRejectedException {

    private final String system;
    private final String operation;

    protected ExternalSystemException(String system, String operation, String message, Throwable cause) {
        super(system + " " + operation + ": " + message, cause);
        this.system = system;
        this.operation = operation;
    }

    /** The external system, e.g. {@code whmcs}. */
    public String system() {
        return system;
    }

    /** The operation that failed, e.g. {@code GetClientsDetails}. */
    public String operation() {
        return operation;
    }

    /** Whether the same call may succeed if repeated later (the system was slow or away, not refusing). */
    public abstract boolean transientFailure();
}
