package dev.portal.clients.salesforce;

import dev.portal.clients.support.EnvironmentAliases;

import java.util.Map;

/**
 * The suite's short environment variables for Salesforce ({@code PORTAL_SALESFORCE_URL}, the one the local suite
 * sets, and {@code PORTAL_SALESFORCE_CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _USERNAME}, {@code _PRIVATE_KEY})
 * as lowest-precedence {@code portal.clients.salesforce.*} properties; the {@code PORTAL_CLIENTS_SALESFORCE_*}
 * names still win.
 */
public class SalesforceEnvironment extends EnvironmentAliases {

    static final Map<String, String> VARIABLES = Map.of(
            "PORTAL_SALESFORCE_URL", "portal.clients.salesforce.base-url",
            "PORTAL_SALESFORCE_CLIENT_ID", "portal.clients.salesforce.client-id",
            "PORTAL_SALESFORCE_CLIENT_SECRET", "portal.clients.salesforce.client-secret",
            "PORTAL_SALESFORCE_USERNAME", "portal.clients.salesforce.username",
            "PORTAL_SALESFORCE_PRIVATE_KEY", "portal.clients.salesforce.private-key");

    public SalesforceEnvironment() {
        super("portal-salesforce-environment", VARIABLES);
    }
}
