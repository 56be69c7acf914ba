package dev.portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** {@code portal.web.*} is checked at start: a bad setting stops the service and the failure names it. */
class PortalWebPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void the_defaults_are_valid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PortalWebProperties.class).maxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
        });
    }

    @Test
    void a_problem_base_uri_without_its_final_slash_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.web.problem-base-uri=https://docs.portal.dev/problems").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.web.problem-base-uri: must be an http(s) URL ending in / (a problem's type is it plus the code)"));
    }

    @Test
    void a_malformed_request_size_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.web.max-request-size=lots").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.web.max-request-size: "));
    }

    @Test
    void a_request_size_of_zero_stops_the_start() {
        runner.withPropertyValues("portal.web.max-request-size=0B").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.web.max-request-size: must be at least 1 byte"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PortalWebProperties.class)
    static class Settings {
    }
}
