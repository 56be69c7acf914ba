package dev.portal.clients.stripe;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the documented short environment variables ({@code PORTAL_STRIPE_API_BASE}, {@code PORTAL_STRIPE_SECRET_KEY},
 * {@code PORTAL_STRIPE_WEBHOOK_SECRET}) as {@code portal.clients.stripe.*}, at the lowest precedence: a property
 * set anywhere else wins.
 */
public final class StripeEnvironment implements EnvironmentPostProcessor {

    static final Map<String, String> VARIABLES = Map.of(
            "PORTAL_STRIPE_API_BASE", "portal.clients.stripe.api-base",
            "PORTAL_STRIPE_SECRET_KEY", "portal.clients.stripe.secret-key",
            "PORTAL_STRIPE_WEBHOOK_SECRET", "portal.clients.stripe.webhook-secret");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value);
            }
        });
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("portalStripeEnvironment", properties));
        }
    }
}
