package dev.portal.clients.whmcs;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suite's short environment variables for WHMCS ({@code PORTAL_WHMCS_URL}, {@code PORTAL_WHMCS_IDENTIFIER},
 * {@code PORTAL_WHMCS_SECRET}, {@code PORTAL_WHMCS_ACCESS_KEY}) as lowest-precedence {@code portal.clients.whmcs.*}
 * properties: a service's own settings, or the relaxed names ({@code PORTAL_CLIENTS_WHMCS_BASE_URL}), still win.
 */
class WhmcsEnvironment implements EnvironmentPostProcessor {

    static final Map<String, String> VARIABLES = Map.of(
            "PORTAL_WHMCS_URL", "portal.clients.whmcs.base-url",
            "PORTAL_WHMCS_IDENTIFIER", "portal.clients.whmcs.identifier",
            "PORTAL_WHMCS_SECRET", "portal.clients.whmcs.secret",
            "PORTAL_WHMCS_ACCESS_KEY", "portal.clients.whmcs.access-key");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                mapped.put(property, value);
            }
        });
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("portal-whmcs-environment", mapped));
        }
    }
}
