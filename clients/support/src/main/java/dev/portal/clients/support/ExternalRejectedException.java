package dev.portal.clients.support;

/**
 * The external system understood the request and refused it (bad credentials, unknown record, a business rule).
 * Each client subclasses this with the vendor's own error details.
 */
public non-sealed class ExternalRejectedException extends ExternalSystemException {

    private final int status;

    public ExternalRejectedException(String system, String operation, int status, String message) {
        super(system, operation, message, null);
        this.status = status;
    }

    /** The HTTP status of the refusal (200 for vendors that refuse inside a successful HTTP answer). */
    public int status() {
        return status;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
