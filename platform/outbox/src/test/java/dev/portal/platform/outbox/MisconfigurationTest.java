package dev.portal.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A service started with a malformed or missing setting stops at once and tells the operator which setting,
 * before it touches the database or the broker.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfigurationTest {

    @Test
    void a_malformed_duration_stops_the_start_and_names_the_setting(CapturedOutput output) {
        Throwable failure = start("--portal.outbox.poll-interval=soonish");

        assertThat(failure).isNotNull();
        assertThat(output).contains("portal.outbox.poll-interval").contains("soonish").contains("Action:");
    }

    @Test
    void a_setting_left_blank_stops_the_start_and_names_the_setting(CapturedOutput output) {
        Throwable failure = start("--portal.outbox.publication-name=");

        assertThat(failure).isNotNull();
        assertThat(output).contains("portal.outbox.publication-name").contains("must not be blank");
    }

    @Test
    void an_out_of_range_number_stops_the_start_and_names_the_setting(CapturedOutput output) {
        Throwable failure = start("--portal.outbox.max-batch-size=0");

        assertThat(failure).isNotNull();
        // Bean Validation reports the record component's name in camel case
        assertThat(output).contains("portal.outbox.maxBatchSize").contains("Value: \"0\"").contains("must be greater than or equal to 1");
    }

    private static Throwable start(String badSetting) {
        SpringApplication application = new SpringApplication(RelayProcess.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // nothing listens on these ports: a start that got as far as connecting would hang or fail differently
        return catchThrowable(() -> application.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/none",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--spring.flyway.enabled=false", badSetting).close());
    }
}
