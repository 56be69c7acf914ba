package dev.portal.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.InvalidSettings;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** {@code portal.identity.*} is checked at start: a missing or malformed setting stops the service and names it. */
class IdentitySettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(IdentityConfiguration.class);

    @Test
    void the_defaults_are_valid_and_the_clock_is_a_bean() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(IdentityProperties.class).accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
            assertThat(context.getBean(RateLimitProperties.class).passwordResetPerIp()).isEqualTo("5/15m");
            assertThat(context).hasSingleBean(Clock.class);
        });
    }

    @Test
    void a_reset_link_that_is_not_a_url_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.identity.password-reset-url=portal.example/reset").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.identity.password-reset-url: must be an http(s) URL"));
    }

    @Test
    void a_missing_mail_sender_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.identity.mail-from=").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).anySatisfy(line ->
                        assertThat(line).startsWith("portal.identity.mail-from: ")));
    }

    @Test
    void a_signing_key_that_is_not_pkcs8_pem_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.identity.signing-key=-----BEGIN RSA PRIVATE KEY-----abc-----END RSA PRIVATE KEY-----")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.identity.signing-key: must be empty or a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)"));
    }

    @Test
    void a_rate_limit_without_its_window_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.identity.limits.signup-per-ip=10").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.identity.limits.signup-per-ip: must be <count>/<window> such as 5/15m"));
    }

    @Test
    void a_trusted_proxy_that_is_not_a_cidr_range_stops_the_start_naming_it() {
        runner.withPropertyValues("portal.identity.limits.trusted-proxies=gateway.internal").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.identity.limits.trusted-proxies[0]").endsWith("must be a CIDR range such as 10.0.0.0/8"));
    }

    @Test
    void zero_salesforce_attempts_stops_the_start() {
        runner.withPropertyValues("portal.identity.salesforce-link-attempts=0").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.identity.salesforce-link-attempts: "));
    }
}
