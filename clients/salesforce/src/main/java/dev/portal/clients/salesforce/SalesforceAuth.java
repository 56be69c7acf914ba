package dev.portal.clients.salesforce;

import java.net.URI;

/**
 * Where a Salesforce access token comes from. Salesforce does not say when a token expires, so users of the
 * REST and streaming APIs take the {@link #current()} session and ask for a {@link #renew(Session) renewal}
 * when the org answers 401 with it.
 */
public interface SalesforceAuth {

    /** An access token and the org instance it is valid for. */
    record Session(String accessToken, URI instanceUrl) {
        @Override
        public String toString() {
            return "Session[instanceUrl=" + instanceUrl + ", accessToken=(hidden)]";
        }
    }

    /** The cached session, obtained on first use. */
    Session current();

    /**
     * A new session replacing {@code stale}; when another caller already renewed it, that newer session is
     * returned without another token request.
     */
    Session renew(Session stale);
}
