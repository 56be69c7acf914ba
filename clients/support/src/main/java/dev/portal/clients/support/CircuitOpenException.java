package dev.portal.clients.support;

/** The client's circuit breaker is open: recent calls failed too often, so this one was not even sent. */
public final class CircuitOpenException extends ExternalUnavailableException {

    public CircuitOpenException(String system, String operation, Throwable cause) {
        super(system, operation, 0, "circuit breaker open, call not sent", cause);
    }
}
