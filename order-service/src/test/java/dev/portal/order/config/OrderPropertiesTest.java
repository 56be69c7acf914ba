package dev.portal.order.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.InvalidSettings;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** {@code portal.order.*} is checked at start, and the clock every class injects keeps the business time zone. */
class OrderPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(OrderConfiguration.class)
            .withBean(Settings.class);

    @Test
    void the_clock_runs_in_japan_time_unless_told_otherwise() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Tokyo")));
        runner.withPropertyValues("portal.order.time-zone=UTC")
                .run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("UTC")));
    }

    @Test
    void an_unknown_time_zone_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.order.time-zone=Asia/Atlantis").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.order.time-zone: ").contains("Asia/Atlantis"));
    }

    @EnableConfigurationProperties(OrderProperties.class)
    static class Settings {
    }
}
