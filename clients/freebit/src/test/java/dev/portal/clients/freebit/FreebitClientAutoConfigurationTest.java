package dev.portal.clients.freebit;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Wiring: the client exists only with a base URL; settings bind; the short environment variables map. */
class FreebitClientAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FreebitClientAutoConfiguration.class));

    @Test
    void no_client_without_a_base_url() {
        runner.run(context -> assertThat(context).doesNotHaveBean(FreebitClient.class));
    }

    @Test
    void client_and_settings_from_properties() {
        runner.withPropertyValues("portal.clients.freebit.base-url=http://localhost:8099/freebit/emptool/api",
                        "portal.clients.freebit.oem-id=oem", "portal.clients.freebit.oem-key=key",
                        "portal.clients.freebit.encoding=multipart", "portal.clients.freebit.http.read-timeout=3s")
                .run(context -> {
                    assertThat(context).hasSingleBean(FreebitClient.class);
                    FreebitClientProperties properties = context.getBean(FreebitClientProperties.class);
                    assertThat(properties.encoding()).isEqualTo(FreebitClientProperties.Encoding.MULTIPART);
                    assertThat(properties.usageUnit()).isEqualTo(FreebitClientProperties.UsageUnit.KB);
                    assertThat(properties.authResultCodes()).containsExactly("201");
                    assertThat(properties.http().readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.toString()).doesNotContain("key]").contains("oemKey=(hidden)");
                });
    }

    @Test
    void a_missing_oem_key_stops_the_start_naming_it() {
        runner.withPropertyValues("portal.clients.freebit.base-url=http://localhost:8099/freebit/emptool/api",
                        "portal.clients.freebit.oem-id=oem")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.clients.freebit.oem-key: must not be blank"));
    }

    @Test
    void short_environment_variables_become_client_properties_with_lowest_precedence() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "PORTAL_FREEBIT_URL", "http://freebit.example/emptool/api",
                "PORTAL_FREEBIT_OEM_ID", "oem-from-env",
                "PORTAL_FREEBIT_OEM_KEY", "key-from-env",
                "portal.clients.freebit.oem-id", "explicit-oem")));

        new FreebitEnvironmentAliases().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("portal.clients.freebit.base-url")).isEqualTo("http://freebit.example/emptool/api");
        assertThat(environment.getProperty("portal.clients.freebit.oem-key")).isEqualTo("key-from-env");
        assertThat(environment.getProperty("portal.clients.freebit.oem-id")).isEqualTo("explicit-oem");
    }
}
