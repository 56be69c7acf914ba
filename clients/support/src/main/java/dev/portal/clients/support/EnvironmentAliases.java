package dev.portal.clients.support;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a client's short environment variables (those the local suite and the manifests set, such as
 * {@code PORTAL_WHMCS_URL}) as its {@code portal.clients.<system>.*} properties, at the lowest precedence: a
 * property set anywhere else, including the relaxed long form ({@code PORTAL_CLIENTS_WHMCS_BASE_URL}), wins.
 * Each client subclasses this with its variables and registers it in {@code META-INF/spring.factories}.
 */
public abstract class EnvironmentAliases implements EnvironmentPostProcessor {

    private final String sourceName;
    private final Map<String, String> propertyByVariable;

    protected EnvironmentAliases(String sourceName, Map<String, String> propertyByVariable) {
        this.sourceName = sourceName;
        this.propertyByVariable = Map.copyOf(propertyByVariable);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        propertyByVariable.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                values.put(property, value);
            }
        });
        if (!values.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(sourceName, values));
        }
    }
}
