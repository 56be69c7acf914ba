package dev.portal.billing;

import dev.portal.platform.test.WithInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * billing-service on real PostgreSQL and Kafka, pointed at {@link TestWorld}'s sandbox, JWKS and peer fixtures, with
 * a {@link MovableClock}. Every class so annotated shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(BillingTest.Clocks.class)
@ContextConfiguration(initializers = BillingTest.Settings.class)
public @interface BillingTest {

    /** The settings that point the service at the test world (they are only known at run time: free ports). */
    class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        static final String SOURCE_TIMEOUT = "portal.billing.dashboard.source-timeout";

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> world = new HashMap<>(Map.of(
                    "portal.security.jwks-uri", TestWorld.TOKENS.jwksUri().toString(),
                    "portal.clients.whmcs.base-url", TestWorld.SANDBOX.baseUrl() + "/whmcs",
                    "portal.clients.whmcs.identifier", "sandbox-identifier",
                    "portal.clients.whmcs.secret", "sandbox-secret",
                    "portal.clients.whmcs.http.retry-backoff", "10ms",
                    "portal.billing.dashboard.orders-url", TestWorld.ORDERS.baseUrl().toString(),
                    "portal.billing.dashboard.cases-url", TestWorld.CASES.baseUrl().toString()));
            if (!context.getEnvironment().containsProperty(SOURCE_TIMEOUT)) {
                // generous on a loaded machine; the slow-source tests make their source slower than this
                world.put(SOURCE_TIMEOUT, "3s");
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("billing-test-world", world));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now(), TestWorld.TOKYO);
        }
    }
}
