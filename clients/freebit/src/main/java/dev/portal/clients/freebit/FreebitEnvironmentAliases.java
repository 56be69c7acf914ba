package dev.portal.clients.freebit;

import dev.portal.clients.support.EnvironmentAliases;

import java.util.Map;

/**
 * The short environment variables of the Freebit client ({@code PORTAL_FREEBIT_URL}, {@code PORTAL_FREEBIT_OEM_ID},
 * {@code PORTAL_FREEBIT_OEM_KEY}) as {@code portal.clients.freebit.*}, with the lowest precedence so any
 * explicitly set property wins.
 */
public class FreebitEnvironmentAliases extends EnvironmentAliases {

    static final Map<String, String> VARIABLES = Map.of(
            "PORTAL_FREEBIT_URL", "portal.clients.freebit.base-url",
            "PORTAL_FREEBIT_OEM_ID", "portal.clients.freebit.oem-id",
            "PORTAL_FREEBIT_OEM_KEY", "portal.clients.freebit.oem-key");

    public FreebitEnvironmentAliases() {
        super("portal-freebit-environment", VARIABLES);
    }
}
