package dev.portal.cases;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.sandbox.EmbeddedSandbox;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Salesforce from the in-process sandbox, tokens from {@link #TOKENS}: both per JVM, so every case IT's context is the same. */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    public static final TestTokens TOKENS = TestTokens.start();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("case-service-test-environment", Map.of(
                "portal.security.jwks-uri", TOKENS.jwksUri().toString(),
                "portal.clients.salesforce.base-url", SANDBOX.baseUrl() + "/salesforce",
                "portal.clients.salesforce.client-id", "sandbox-client",
                "portal.clients.salesforce.client-secret", "sandbox-secret")));
    }
}
