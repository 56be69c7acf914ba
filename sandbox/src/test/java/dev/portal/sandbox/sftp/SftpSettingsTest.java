package dev.portal.sandbox.sftp;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sandbox.sftp.*}: a column list or charset the drop cannot write stops the start, naming the setting. */
class SftpSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SftpSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void an_unknown_cdr_column_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("sandbox.sftp.call-columns=record_id,caller_mood")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("sandbox.sftp.call-columns"));
    }

    @Test
    void an_unknown_charset_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("sandbox.sftp.charset=Klingon-8")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("sandbox.sftp.charset"));
    }

    @Test
    void a_port_outside_tcp_stops_the_start_naming_the_setting() {
        runner.withPropertyValues("sandbox.sftp.port=70000")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("sandbox.sftp.port: must be less than or equal to 65535"));
    }
}
