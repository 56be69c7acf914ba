package dev.portal.billing.config;

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

/** {@code portal.billing.*} is checked at start, and the clock every class injects keeps the business time zone. */
class BillingPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(BillingConfiguration.class)
            .withBean(Settings.class);

    @Test
    void the_clock_runs_in_japan_time_unless_told_otherwise() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Tokyo")));
        runner.withPropertyValues("portal.billing.time-zone=UTC")
                .run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("UTC")));
    }

    @Test
    void an_unknown_time_zone_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.billing.time-zone=Asia/Atlantis").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.billing.time-zone: ").contains("Asia/Atlantis"));
    }

    @Test
    void the_cache_lifetimes_default_to_the_portal_guides() {
        runner.run(context -> {
            BillingProperties.Cache cache = context.getBean(BillingProperties.class).cache();
            assertThat(cache.invoiceList()).isEqualTo(Duration.ofSeconds(90));
            assertThat(cache.invoice()).isEqualTo(Duration.ofMinutes(5));
            assertThat(cache.paymentMethods()).isEqualTo(Duration.ofMinutes(15));
            assertThat(cache.longest()).isEqualTo(Duration.ofMinutes(15));
        });
    }

    @Test
    void a_zero_cache_lifetime_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.billing.cache.invoice-list=0s").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.billing.cache.invoice-list: "));
    }

    @Test
    void a_peer_url_that_is_not_http_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.billing.dashboard.orders-url=ftp://orders.internal").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.billing.dashboard.orders-url: "));
    }

    @Test
    void a_source_timeout_beyond_30_seconds_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.billing.dashboard.source-timeout=1m").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.billing.dashboard.source-timeout: "));
    }

    @Test
    void a_currency_that_is_not_an_iso_code_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.billing.currency=yen").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.billing.currency: "));
    }

    @EnableConfigurationProperties(BillingProperties.class)
    static class Settings {
    }
}
