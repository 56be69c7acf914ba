package dev.portal.clients.salesforce;

import dev.portal.clients.support.ExternalAuthenticationException;

/**
 * Salesforce would not give or accept a session: an OAuth error from the token endpoint
 * ({@code invalid_grant}, {@code invalid_client}, ...) or {@code 401 INVALID_SESSION_ID} that a fresh token did not cure.
 */
public class SalesforceAuthenticationException extends ExternalAuthenticationException {

    private final String error;
    private final String description;

    public SalesforceAuthenticationException(String operation, int status, String error, String description) {
        super(SalesforceClient.SYSTEM, operation, status, error + ": " + description);
        this.error = error;
        this.description = description;
    }

    /** The OAuth {@code error} or the REST {@code errorCode}, e.g. {@code invalid_grant}, {@code INVALID_SESSION_ID}. */
    public String error() {
        return error;
    }

    public String description() {
        return description;
    }
}
