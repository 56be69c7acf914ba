package dev.portal.order.config;

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

/** {@code portal.order.*} is checked at start, and the clock every class injects keeps the business time zone. */
class OrderPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(OrderConfiguration.class)
            .withBean(Settings.class)
            .withPropertyValues("portal.order.pricebook-id=01sSb0000000002IAA");

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

    @Test
    void orders_are_placed_in_pending_review_from_one_to_ten_of_an_item_unless_told_otherwise() {
        runner.run(context -> {
            OrderProperties properties = context.getBean(OrderProperties.class);
            assertThat(properties.initialStatus()).isEqualTo("Pending Review");
            assertThat(properties.minQuantity()).isEqualTo(1);
            assertThat(properties.maxQuantity()).isEqualTo(10);
            assertThat(properties.idempotencyRetention()).isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void without_the_portal_price_book_the_service_does_not_start() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(OrderConfiguration.class)
                .withBean(Settings.class)
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.order.pricebook-id: "));
    }

    @Test
    void a_price_book_id_that_is_no_salesforce_id_stops_the_start() {
        runner.withPropertyValues("portal.order.pricebook-id=portal catalog").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.order.pricebook-id: ").contains("Salesforce id"));
    }

    @Test
    void a_quantity_range_upside_down_stops_the_start() {
        runner.withPropertyValues("portal.order.min-quantity=5", "portal.order.max-quantity=2").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("min-quantity must not be above max-quantity"));
    }

    @Test
    void more_items_than_one_salesforce_composite_can_create_stops_the_start() {
        runner.withPropertyValues("portal.order.max-items=30").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.order.max-items: "));
    }

    @EnableConfigurationProperties(OrderProperties.class)
    static class Settings {
    }
}
