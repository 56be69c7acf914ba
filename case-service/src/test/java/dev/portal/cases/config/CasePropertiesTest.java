package dev.portal.cases.config;

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

/** {@code portal.case.*} is checked at start, and the clock every class injects keeps the business time zone. */
class CasePropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(CaseConfiguration.class)
            .withBean(Settings.class);

    @Test
    void the_clock_runs_in_japan_time_unless_told_otherwise() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Tokyo")));
        runner.withPropertyValues("portal.case.time-zone=UTC")
                .run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("UTC")));
    }

    @Test
    void an_unknown_time_zone_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.case.time-zone=Asia/Atlantis").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.case.time-zone: ").contains("Asia/Atlantis"));
    }

    @Test
    void the_defaults_are_the_orgs_statuses_the_portals_categories_and_pages_of_20_up_to_100() {
        runner.run(context -> {
            CaseProperties properties = context.getBean(CaseProperties.class);
            assertThat(properties.statuses()).containsExactly("New", "Working", "Closed");
            assertThat(properties.categories()).containsExactly("Internet", "SIM", "VPN", "Billing", "Other");
            assertThat(properties.defaultPageSize()).isEqualTo(20);
            assertThat(properties.maxPageSize()).isEqualTo(100);
        });
    }

    @Test
    void a_status_or_category_that_would_need_quoting_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.case.statuses=New,Working' OR Status != '").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString().startsWith("portal.case.statuses"));
        runner.withPropertyValues("portal.case.categories=Internet,{evil}").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString().startsWith("portal.case.categories"));
    }

    @Test
    void pages_beyond_salesforces_offset_or_a_default_above_the_maximum_stop_the_start() {
        runner.withPropertyValues("portal.case.max-page-size=2001").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString().startsWith("portal.case.max-page-size"));
        runner.withPropertyValues("portal.case.default-page-size=50", "portal.case.max-page-size=40").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString().contains("default-page-size"));
    }

    @EnableConfigurationProperties(CaseProperties.class)
    static class Settings {
    }
}
