package dev.portal.clients.support;

/** The external system refused this client's credentials (after any renewal the client could do itself). */
public class ExternalAuthenticationException extends ExternalRejectedException {

    public ExternalAuthenticationException(String system, String operation, int status, String message) {
        super(system, operation, status, message);
    }
}
