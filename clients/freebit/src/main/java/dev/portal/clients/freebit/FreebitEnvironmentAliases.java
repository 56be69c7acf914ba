package dev.portal.clients.freebit;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The short environment variables of the Freebit client ({@code PORTAL_FREEBIT_URL}, {@code PORTAL_FREEBIT_OEM_ID},
 * {@code PORTAL_FREEBIT_OEM_KEY}) as {@code portal.clients.freebit.*}, with the lowest precedence so any
 * explicitly set property wins.
 */
public class FreebitEnvironmentAliases implements EnvironmentPostProcessor {

    static final Map<String, String> ALIASES = Map.of(
            "PORTAL_FREEBIT_URL", "portal.clients.freebit.base-url",
            "PORTAL_FREEBIT_OEM_ID", "portal.clients.freebit.oem-id",
            "PORTAL_FREEBIT_OEM_KEY", "portal.clients.freebit.oem-key");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        ALIASES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                values.put(property, value);
            }
        });
        if (!values.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("freebitClientEnvironmentAliases", values));
        }
    }
}
