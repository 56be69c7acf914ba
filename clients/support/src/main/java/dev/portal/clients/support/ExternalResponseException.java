package dev.portal.clients.support;

/**
 * The external system answered, but not with anything this client can read: an HTML error page where JSON was
 * expected, truncated JSON, a wrong type or a missing required field. The message carries a short excerpt.
 */
public final class ExternalResponseException extends ExternalSystemException {

    private final int status;

    public ExternalResponseException(String system, String operation, int status, String message, Throwable cause) {
        super(system, operation, message, cause);
        this.status = status;
    }

    /** The HTTP status of the unreadable answer. */
    public int status() {
        return status;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
