package dev.portal.clients.whmcs;

import dev.portal.clients.support.EnvironmentAliases;

import java.util.Map;

/**
 * The suite's short environment variables for WHMCS ({@code PORTAL_WHMCS_URL}, {@code PORTAL_WHMCS_IDENTIFIER},
 * {@code PORTAL_WHMCS_SECRET}, {@code PORTAL_WHMCS_ACCESS_KEY}) as lowest-precedence {@code portal.clients.whmcs.*}
 * properties: a service's own settings, or the relaxed names ({@code PORTAL_CLIENTS_WHMCS_BASE_URL}), still win.
 */
public class WhmcsEnvironment extends EnvironmentAliases {

    static final Map<String, String> VARIABLES = Map.of(
            "PORTAL_WHMCS_URL", "portal.clients.whmcs.base-url",
            "PORTAL_WHMCS_IDENTIFIER", "portal.clients.whmcs.identifier",
            "PORTAL_WHMCS_SECRET", "portal.clients.whmcs.secret",
            "PORTAL_WHMCS_ACCESS_KEY", "portal.clients.whmcs.access-key");

    public WhmcsEnvironment() {
        super("portal-whmcs-environment", VARIABLES);
    }
}
