package dev.portal.clients.support;

/** The external system did not answer within the configured connect or read timeout. */
public final class ExternalTimeoutException extends ExternalSystemException {

    public ExternalTimeoutException(String system, String operation, String message, Throwable cause) {
        super(system, operation, message, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
