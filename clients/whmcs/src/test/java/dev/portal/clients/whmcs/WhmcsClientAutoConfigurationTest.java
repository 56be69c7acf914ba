package dev.portal.clients.whmcs;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client is there only when a base URL is set, bound from properties or the suite's short variables. */
class WhmcsClientAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WhmcsClientAutoConfiguration.class));

    @Test
    void noBaseUrlNoClient() {
        context.run(app -> assertThat(app).doesNotHaveBean(WhmcsClient.class));
    }

    @Test
    void baseUrlAndCredentialsGiveAClientWithItsHttpSettings() {
        context.withPropertyValues("portal.clients.whmcs.base-url=http://localhost:8099/whmcs",
                        "portal.clients.whmcs.identifier=id", "portal.clients.whmcs.secret=s",
                        "portal.clients.whmcs.http.read-timeout=3s", "portal.clients.whmcs.http.max-attempts=2")
                .run(app -> {
                    assertThat(app).hasSingleBean(WhmcsClient.class);
                    WhmcsProperties properties = app.getBean(WhmcsProperties.class);
                    assertThat(properties.baseUrl()).isEqualTo(URI.create("http://localhost:8099/whmcs"));
                    assertThat(properties.http().readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.http().maxAttempts()).isEqualTo(2);
                    assertThat(properties.toString()).doesNotContain("=s,");
                });
    }

    @Test
    void missingSecretFailsTheStartNamingIt() {
        context.withPropertyValues("portal.clients.whmcs.base-url=http://localhost:8099/whmcs", "portal.clients.whmcs.identifier=id")
                .run(app -> assertThat(InvalidSettings.of(app.getStartupFailure())).containsExactly("portal.clients.whmcs.secret: must not be blank"));
    }

    @Test
    void zeroAttemptsFailTheStartNamingTheSetting() {
        context.withPropertyValues("portal.clients.whmcs.base-url=http://localhost:8099/whmcs", "portal.clients.whmcs.identifier=id",
                        "portal.clients.whmcs.secret=s", "portal.clients.whmcs.http.max-attempts=0")
                .run(app -> assertThat(InvalidSettings.of(app.getStartupFailure()))
                        .containsExactly("portal.clients.whmcs.http.max-attempts: must be greater than or equal to 1"));
    }

    @Test
    void shortEnvironmentVariablesAreMappedWithLowestPrecedence() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "PORTAL_WHMCS_URL", "http://whmcs.internal", "PORTAL_WHMCS_SECRET", "from-env",
                "portal.clients.whmcs.secret", "explicit")));

        new WhmcsEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("portal.clients.whmcs.base-url")).isEqualTo("http://whmcs.internal");
        assertThat(environment.getProperty("portal.clients.whmcs.secret")).isEqualTo("explicit");
        assertThat(environment.getProperty("portal.clients.whmcs.identifier")).isNull();
    }
}
