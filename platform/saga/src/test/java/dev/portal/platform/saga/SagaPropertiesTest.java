package dev.portal.platform.saga;

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

/** {@code portal.saga.*} is checked at start: a bad setting stops the service and the failure names it. */
class SagaPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void the_defaults_are_valid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SagaProperties properties = context.getBean(SagaProperties.class);
            assertThat(properties.maxAttempts()).isEqualTo(12);
            assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(2));
        });
    }

    @Test
    void a_lease_below_a_second_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.saga.lease=100ms").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString().startsWith("portal.saga.lease: "));
    }

    @Test
    void a_jitter_above_one_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.saga.jitter=1.5").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString().startsWith("portal.saga.jitter: "));
    }

    @Test
    void zero_attempts_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.saga.max-attempts=0").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.saga.max-attempts: must be greater than or equal to 1"));
    }

    @Test
    void a_malformed_duration_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.saga.poll-interval=often").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.saga"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SagaProperties.class)
    static class Settings {
    }
}
