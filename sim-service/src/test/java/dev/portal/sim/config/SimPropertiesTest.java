package dev.portal.sim.config;

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

/** {@code portal.sim.*} is checked at start, and the clock every class injects keeps the business time zone. */
class SimPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(SimConfiguration.class)
            .withBean(Settings.class);

    @Test
    void the_clock_runs_in_japan_time_unless_told_otherwise() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Tokyo")));
        runner.withPropertyValues("portal.sim.time-zone=UTC")
                .run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("UTC")));
    }

    @Test
    void an_unknown_time_zone_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.sim.time-zone=Asia/Atlantis").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.sim.time-zone: ").contains("Asia/Atlantis"));
    }

    @Test
    void a_change_interval_below_a_second_or_a_clock_source_that_is_no_url_stops_the_start_naming_them() {
        runner.withPropertyValues("portal.sim.operations.change-interval=0s", "portal.sim.clock.follow-url=file:/sandbox/clock")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .anySatisfy(line -> assertThat(line).startsWith("portal.sim.operations.change-interval: "))
                        .anySatisfy(line -> assertThat(line).startsWith("portal.sim.clock.follow-url: ")));
    }

    @Test
    void the_clock_follows_the_sandbox_only_when_told_to() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getClass().getSimpleName()).isNotEqualTo("FollowingClock"));
        runner.withPropertyValues("portal.sim.clock.follow-url=http://127.0.0.1:1/sandbox/admin/freebit/clock")
                .run(context -> assertThat(context.getBean(Clock.class)).isInstanceOf(FollowingClock.class));
    }

    @EnableConfigurationProperties(SimProperties.class)
    static class Settings {
    }
}
