package dev.portal.cdcbridge.config;

import dev.portal.cdcbridge.forwarding.PublishMode;
import dev.portal.cdcbridge.resync.StaleReplayPolicy;
import dev.portal.clients.salesforce.streaming.ReplayStart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

import java.time.Duration;
import java.util.List;

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
                .run(context -> assertThat(invalid(context.getStartupFailure())).containsExactly("portal.cdc.windowSize"));
    }

    @Test
    void a_channel_whose_object_has_no_topic_stops_the_start() {
        runner.withPropertyValues("portal.cdc.channels=/data/OrderChangeEvent,/data/ContactChangeEvent")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("portal.cdc").hasMessageContaining("needs a topic"));
    }

    @Test
    void a_channel_that_is_not_a_change_event_channel_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.cdc.channels=/topic/Orders")
                .run(context -> assertThat(invalid(context.getStartupFailure())).contains("portal.cdc.channels[0]"));
    }

    @Test
    void a_zero_checkpoint_interval_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.cdc.checkpoint-interval=0s")
                .run(context -> assertThat(invalid(context.getStartupFailure())).containsExactly("portal.cdc.checkpointInterval"));
    }

    @Test
    void an_unknown_policy_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("portal.cdc.stale-replay-policy=sometimes")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("portal.cdc.stale-replay-policy"));
    }

    /** The settings a validation failure names, as Boot's failure report shows them ({@code Property: portal.cdc.windowSize}). */
    static List<String> invalid(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof BindValidationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a validation failure in %s", failure).isNotNull();
        BindValidationException validation = (BindValidationException) cause;
        return validation.getValidationErrors().getAllErrors().stream()
                .map(error -> error instanceof FieldError field ? error.getObjectName() + "." + field.getField() : error.getObjectName())
                .toList();
    }
}
