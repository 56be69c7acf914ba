package dev.portal.clients.salesforce.streaming;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration stays off without a Salesforce base URL and binds the streaming settings when on. */
class SalesforceStreamingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SalesforceStreamingAutoConfiguration.class));

    @Test
    void is_off_without_a_base_url() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SalesforceStreaming.class));
    }

    @Test
    void a_max_message_size_below_1kb_stops_the_start_naming_it() {
        runner.withPropertyValues("portal.clients.salesforce.base-url=https://example.my.salesforce.com",
                        "portal.clients.salesforce.streaming.max-message-size=512B")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("portal.clients.salesforce.streaming.max-message-size must be between 1KB and 2GB"));
    }

    @Test
    void binds_the_settings_when_a_base_url_is_set() {
        runner.withPropertyValues("portal.clients.salesforce.base-url=https://example.my.salesforce.com",
                        "portal.clients.salesforce.streaming.start-policy=all-retained",
                        "portal.clients.salesforce.streaming.max-network-delay=3s")
                .run(context -> {
                    assertThat(context).hasSingleBean(SalesforceStreaming.class);
                    SalesforceStreamingProperties settings = context.getBean(SalesforceStreaming.class).settings();
                    assertThat(settings.startPolicy()).isEqualTo(ReplayStart.ALL_RETAINED);
                    assertThat(settings.maxNetworkDelay()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(settings.apiVersion()).isEqualTo("62.0");
                });
    }
}
