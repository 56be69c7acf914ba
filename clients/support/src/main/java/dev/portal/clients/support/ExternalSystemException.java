package dev.portal.clients.support;

import dev.portal.platform.errors.UpstreamFailure;

/**
 * Every failure of a call to an external system, typed by what the caller can do about it. Callers catch the
 * subclass they handle; anything else means the external system could not serve the request.
 */
public abstract sealed class ExternalSystemException extends UpstreamFailure
        permits ExternalTimeoutException, ExternalUnavailableException, ExternalResponseException, ExternalRejectedException {

    protected ExternalSystemException(String system, String operation, String message, Throwable cause) {
        super(system, operation, message, cause);
    }

    /** Whether the same call may succeed if repeated later (the system was slow or away, not refusing). */
    public abstract boolean transientFailure();

    @Override
    public Kind kind() {
        return switch (this) {
            case ExternalTimeoutException timeout -> Kind.TIMEOUT;
            case ExternalUnavailableException unavailable -> Kind.UNAVAILABLE;
            case ExternalResponseException unreadable -> Kind.FAILED;
            case ExternalRejectedException refused -> Kind.FAILED;
        };
    }
}
