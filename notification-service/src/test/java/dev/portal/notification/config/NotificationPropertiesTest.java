package dev.portal.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.InvalidSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** {@code portal.notification.*} is checked at start, and the clock every class injects keeps the business time zone. */
class NotificationPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(NotificationConfiguration.class)
            .withBean(Settings.class);

    @Test
    void the_clock_runs_in_japan_time_unless_told_otherwise() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Tokyo")));
        runner.withPropertyValues("portal.notification.time-zone=UTC")
                .run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("UTC")));
    }

    @Test
    void an_unknown_time_zone_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.notification.time-zone=Asia/Atlantis").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.notification.time-zone: ").contains("Asia/Atlantis"));
    }

    @Test
    void streams_and_the_log_have_defaults_sized_for_one_instance() {
        runner.run(context -> {
            NotificationProperties properties = context.getBean(NotificationProperties.class);
            assertThat(properties.stream().heartbeat()).isEqualTo(Duration.ofSeconds(15));
            assertThat(properties.stream().perInstance()).isEqualTo(10_000);
            assertThat(properties.log().maxAge()).isEqualTo(Duration.ofMinutes(15));
        });
    }

    @Test
    void a_buffer_that_cannot_hold_a_whole_user_log_stops_the_start() {
        runner.withPropertyValues("portal.notification.stream.buffer=50", "portal.notification.log.per-user=100").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("portal.notification.stream.buffer must be at least portal.notification.log.per-user + 4"));
    }

    @Test
    void a_heartbeat_of_zero_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.notification.stream.heartbeat=0s").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.notification.stream.heartbeat: "));
    }

    @EnableConfigurationProperties(NotificationProperties.class)
    static class Settings {
    }
}
