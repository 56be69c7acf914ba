package dev.portal.platform.errors;

/**
 * An external system (WHMCS, Salesforce, Freebit, Stripe, SFTP) could not serve a call. The edge answers 502
 * {@code upstream-failed} when it answered with something unusable or a refusal, 503 {@code upstream-unavailable}
 * when it was away, 504 {@code upstream-timeout} when it was too slow; the system is named, nothing internal is
 * shown. The clients' typed exceptions extend this.
 */
public abstract class UpstreamFailure extends RuntimeException {

    /** What the caller can make of the failure. */
    public enum Kind {
        /** It did not answer within the timeout. */
        TIMEOUT,
        /** It refused connections, answered 5xx/429, or its breaker is open. */
        UNAVAILABLE,
        /** It answered with something unreadable, or refused the request itself. */
        FAILED
    }

    private final String system;
    private final String operation;

    protected UpstreamFailure(String system, String operation, String message, Throwable cause) {
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

    public abstract Kind kind();
}
