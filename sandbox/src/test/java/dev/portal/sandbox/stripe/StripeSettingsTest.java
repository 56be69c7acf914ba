package dev.portal.sandbox.stripe;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sandbox.stripe.*}: documented defaults, and a start that stops on a bad value, naming it. */
class StripeSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StripeSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaults_are_the_documented_ones() {
        runner.run(context -> {
            StripeSettings settings = context.getBean(StripeSettings.class);
            assertThat(settings.secretKey()).isEqualTo("sk_test_sandbox");
            assertThat(settings.webhookMaxAttempts()).isEqualTo(5);
            assertThat(settings.webhookBackoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.entitledStatuses()).containsExactly("trialing", "active", "past_due");
        });
    }

    @Test
    void zero_webhook_attempts_stop_the_start_naming_the_setting() {
        runner.withPropertyValues("sandbox.stripe.webhook-max-attempts=0")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("sandbox.stripe.webhook-max-attempts: must be greater than or equal to 1"));
    }
}
