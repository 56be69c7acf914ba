package dev.portal.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code portal.gateway.*} is checked at start: a missing or malformed setting stops the gateway and the failure names it. */
class GatewayPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "portal.gateway.routes.catalog.uri=http://localhost:8082", "portal.gateway.routes.catalog.paths=/api/catalog/**",
                    "portal.gateway.limits.per-ip.capacity=600", "portal.gateway.limits.per-ip.period=1m",
                    "portal.gateway.limits.per-user.capacity=1200", "portal.gateway.limits.per-user.period=1m");

    @Test
    void a_route_and_both_limits_are_enough_the_rest_has_defaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(GatewayProperties.class).breaker().window()).isEqualTo(20);
        });
    }

    @Test
    void a_missing_limit_stops_the_start_naming_it_instead_of_failing_on_the_first_request() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withPropertyValues("portal.gateway.routes.catalog.uri=http://localhost:8082", "portal.gateway.routes.catalog.paths=/api/catalog/**",
                        "portal.gateway.limits.per-ip.capacity=600", "portal.gateway.limits.per-ip.period=1m")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.gateway.limits.per-user: must not be null"));
    }

    @Test
    void a_limit_without_capacity_or_with_none_stops_the_start_naming_it() {
        runner.withPropertyValues("portal.gateway.limits.per-ip.capacity=", "portal.gateway.limits.per-user.capacity=0").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).containsExactlyInAnyOrder(
                        "portal.gateway.limits.per-ip.capacity: must not be null",
                        "portal.gateway.limits.per-user.capacity: must be greater than or equal to 1"));
    }

    @Test
    void a_route_without_its_uri_or_a_breaker_rate_over_100_stops_the_start() {
        runner.withPropertyValues("portal.gateway.routes.order.paths=/api/orders/**", "portal.gateway.breaker.failure-rate=150").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).containsExactlyInAnyOrder(
                        "portal.gateway.routes[order].uri: must not be null",
                        "portal.gateway.breaker.failure-rate: must be less than or equal to 100"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class Settings {
    }
}
