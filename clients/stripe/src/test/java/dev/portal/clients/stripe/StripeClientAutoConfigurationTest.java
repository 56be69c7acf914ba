package dev.portal.clients.stripe;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client exists only where Stripe is configured, with its settings bound from properties or the short env vars. */
class StripeClientAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StripeClientAutoConfiguration.class));

    @Test
    void no_api_base_means_no_client() {
        context.run(c -> assertThat(c).doesNotHaveBean(StripeBilling.class).doesNotHaveBean(StripeWebhooks.class));
    }

    @Test
    void configured_properties_build_the_client() {
        context.withPropertyValues("portal.clients.stripe.api-base=http://localhost:8099/stripe",
                        "portal.clients.stripe.secret-key=sk_test_sandbox",
                        "portal.clients.stripe.webhook-secret=whsec_sandbox",
                        "portal.clients.stripe.http.read-timeout=3s")
                .run(c -> {
                    assertThat(c).hasSingleBean(StripeBilling.class).hasSingleBean(StripeWebhooks.class);
                    StripeClientProperties properties = c.getBean(StripeClientProperties.class);
                    assertThat(properties.http().readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.quotaMetadataKey()).isEqualTo("wishlist_quota");
                    assertThat(properties.webhookTolerance()).isEqualTo(Duration.ofSeconds(300));
                });
    }

    @Test
    void a_missing_secret_key_stops_the_start_naming_it() {
        context.withPropertyValues("portal.clients.stripe.api-base=http://localhost:8099/stripe")
                .run(c -> assertThat(InvalidSettings.of(c.getStartupFailure())).containsExactly("portal.clients.stripe.secret-key: must not be blank"));
    }

    @Test
    void short_environment_variables_fill_the_properties() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "PORTAL_STRIPE_API_BASE", "http://localhost:8099/stripe", "PORTAL_STRIPE_SECRET_KEY", "sk_test_env")));

        new StripeEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("portal.clients.stripe.api-base")).isEqualTo("http://localhost:8099/stripe");
        assertThat(environment.getProperty("portal.clients.stripe.secret-key")).isEqualTo("sk_test_env");
        assertThat(environment.getProperty("portal.clients.stripe.webhook-secret")).isNull();
    }
}
