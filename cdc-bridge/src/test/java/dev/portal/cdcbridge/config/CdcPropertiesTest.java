package dev.portal.cdcbridge.config;

import dev.portal.cdcbridge.forwarding.PublishMode;
import dev.portal.cdcbridge.resync.StaleReplayPolicy;
import dev.portal.clients.salesforce.streaming.ReplayStart;
import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code portal.cdc.*}: defaults that bridge every object, and a start that stops on a bad value, naming it. */
class CdcPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CdcProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaults_bridge_every_object_with_a_topic_including_cases_and_order_items() {
        runner.run(context -> {
            CdcProperties settings = context.getBean(CdcProperties.class);
            assertThat(settings.channels()).contains("/data/CaseChangeEvent", "/data/OrderItemChangeEvent", "/data/OrderChangeEvent");
            assertThat(settings.startPolicy()).isEqualTo(ReplayStart.NEW_EVENTS);
            assertThat(settings.staleReplayPolicy()).isEqualTo(StaleReplayPolicy.RESYNC);
            assertThat(settings.publishMode()).isEqualTo(PublishMode.ASYNC);
            assertThat(settings.windowSize()).isEqualTo(1000);
            assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofMillis(200));
            assertThat(settings.portalClients()).containsExactly("portal");
        });
    }

    @Test
    void a_window_of_zero_events_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.cdc.window-size=0")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.cdc.window-size: must be greater than or equal to 1"));
    }

    @Test
    void a_channel_whose_object_has_no_topic_stops_the_start() {
        runner.withPropertyValues("portal.cdc.channels=/data/OrderChangeEvent,/data/ContactChangeEvent")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("portal.cdc.channels").contains("needs a topic"));
    }

    @Test
    void a_channel_that_is_not_a_change_event_channel_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.cdc.channels=/topic/Orders")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .contains("portal.cdc.channels[0]: must be a change event channel such as /data/OrderChangeEvent"));
    }

    @Test
    void a_zero_checkpoint_interval_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.cdc.checkpoint-interval=0s")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .isEqualTo("portal.cdc.checkpoint-interval: must be longer than or equal to 1 milli"));
    }

    @Test
    void an_unknown_policy_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.cdc.stale-replay-policy=sometimes")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .startsWith("portal.cdc.stale-replay-policy: "));
    }
}
