package dev.portal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.InvalidSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code portal.security.*} is checked at start: a bad setting stops the service and the failure names it. */
class PortalSecurityPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void the_defaults_are_valid_and_the_jwks_uri_may_be_left_out() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PortalSecurityProperties.class).clockSkew()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void a_blank_issuer_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.security.issuer= ").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.security.issuer: must not be blank"));
    }

    @Test
    void a_jwks_uri_that_is_not_an_http_url_stops_the_start() {
        runner.withPropertyValues("portal.security.jwks-uri=file:/etc/portal/jwks.json").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.security.jwks-uri: must be an absolute http or https URL"));
    }

    @Test
    void a_malformed_clock_skew_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.security.clock-skew=soon").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.security.clock-skew: 'soon' is not a valid duration"));
    }

    @Test
    void a_clock_skew_over_five_minutes_stops_the_start() {
        runner.withPropertyValues("portal.security.clock-skew=1h").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement()
                        .asString().startsWith("portal.security.clock-skew: must be shorter than or equal to"));
    }

    @Test
    void jwks_fetching_binds_with_bounded_timeouts_by_default() {
        runner.run(context -> {
            PortalSecurityProperties.Jwks jwks = context.getBean(PortalSecurityProperties.class).jwks();
            assertThat(jwks.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(jwks.readTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(jwks.refetchInterval()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void an_unbounded_jwks_read_timeout_stops_the_start() {
        runner.withPropertyValues("portal.security.jwks.read-timeout=10m").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement()
                        .asString().startsWith("portal.security.jwks.read-timeout: must be shorter than or equal to"));
    }

    @Test
    void a_jwks_refetch_interval_not_shorter_than_the_cache_stops_the_start() {
        runner.withPropertyValues("portal.security.jwks.cache-ttl=1m", "portal.security.jwks.refetch-interval=1m").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement()
                        .asString().contains("refetch-interval must be shorter than cache-ttl"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PortalSecurityProperties.class)
    static class Settings {
    }
}
