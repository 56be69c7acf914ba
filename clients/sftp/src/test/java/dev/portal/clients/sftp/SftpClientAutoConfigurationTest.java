package dev.portal.clients.sftp;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client is there when a host is configured, with the layout the properties describe. */
class SftpClientAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SftpClientAutoConfiguration.class));

    @Test
    void no_client_without_a_host() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CdrFileClient.class).doesNotHaveBean(CdrParser.class));
    }

    @Test
    void a_client_and_a_parser_when_a_host_is_set() {
        runner.withPropertyValues("portal.clients.sftp.host=127.0.0.1", "portal.clients.sftp.username=mvno",
                        "portal.clients.sftp.password=mvno", "portal.clients.sftp.accept-any-host-key=true",
                        "portal.clients.sftp.charset=UTF-8", "portal.clients.sftp.call-columns.record_id=明細ID",
                        "portal.clients.sftp.http.read-timeout=3s")
                .run(context -> {
                    assertThat(context).hasSingleBean(CdrFileClient.class).hasSingleBean(CdrParser.class);
                    SftpClientProperties properties = context.getBean(SftpClientProperties.class);
                    assertThat(properties.layout().charset().name()).isEqualTo("UTF-8");
                    assertThat(properties.layout().callColumns()).containsEntry("record_id", "明細ID");
                    assertThat(properties.http().readTimeout()).hasSeconds(3);
                });
    }

    @Test
    void a_host_without_a_pinned_key_fails_start_up() {
        runner.withPropertyValues("portal.clients.sftp.host=fs.mvno.example", "portal.clients.sftp.username=mvno",
                        "portal.clients.sftp.password=secret")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("host-key-fingerprint"));
    }

    @Test
    void a_host_without_a_password_or_key_stops_the_start_naming_both() {
        runner.withPropertyValues("portal.clients.sftp.host=fs.mvno.example", "portal.clients.sftp.username=mvno",
                        "portal.clients.sftp.host-key-fingerprint=SHA256:abc")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("portal.clients.sftp.password").contains("portal.clients.sftp.private-key"));
    }

    @Test
    void an_unknown_charset_stops_the_start_naming_it() {
        runner.withPropertyValues("portal.clients.sftp.host=fs.mvno.example", "portal.clients.sftp.username=mvno",
                        "portal.clients.sftp.password=secret", "portal.clients.sftp.host-key-fingerprint=SHA256:abc",
                        "portal.clients.sftp.charset=Klingon-8")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("portal.clients.sftp.charset"));
    }

    @Test
    void short_environment_variables_are_read_as_client_properties() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test-env",
                Map.of("PORTAL_SFTP_HOST", "fs.mvno.example", "PORTAL_SFTP_HOST_KEY_FINGERPRINT", "SHA256:abc")));

        new SftpEnvironmentAliases().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("portal.clients.sftp.host")).isEqualTo("fs.mvno.example");
        assertThat(environment.getProperty("portal.clients.sftp.host-key-fingerprint")).isEqualTo("SHA256:abc");
    }
}
