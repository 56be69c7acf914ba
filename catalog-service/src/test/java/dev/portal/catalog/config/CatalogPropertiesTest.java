package dev.portal.catalog.config;

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

/** {@code portal.catalog.*} is checked at start: a missing or malformed setting stops the service and the failure names it. */
class CatalogPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("portal.catalog.pricebook-id=01sSb0000000002IAA", "portal.catalog.instance-id=host-1a2b3c4d");

    @Test
    void a_price_book_and_an_instance_are_enough_the_rest_has_defaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            CatalogProperties properties = context.getBean(CatalogProperties.class);
            assertThat(properties.refreshInterval()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.simProductGroups()).containsExactly("SIM");
        });
    }

    @Test
    void a_missing_price_book_stops_the_start_naming_the_setting_and_its_variable() {
        runner.withPropertyValues("portal.catalog.pricebook-id=").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.catalog.pricebook-id: is required (PORTAL_PRICEBOOK_ID)"));
    }

    @Test
    void a_price_book_id_that_could_smuggle_soql_stops_the_start() {
        runner.withPropertyValues("portal.catalog.pricebook-id=01s' OR Name != '").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.catalog.pricebook-id: must be a 15- or 18-character Salesforce id (PORTAL_PRICEBOOK_ID)"));
    }

    @Test
    void a_zero_retry_interval_or_no_sim_groups_stops_the_start() {
        runner.withPropertyValues("portal.catalog.retry-interval=0s", "portal.catalog.sim-product-groups=").run(context ->
                assertThat(InvalidSettings.of(context.getStartupFailure())).extracting(line -> line.substring(0, line.indexOf(':')))
                        .containsExactlyInAnyOrder("portal.catalog.retry-interval", "portal.catalog.sim-product-groups"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CatalogProperties.class)
    static class Settings {
    }
}
