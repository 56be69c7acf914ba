package dev.portal.clients.salesforce;

import dev.portal.platform.test.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration: active only with a base URL, properties bound with their documented names. */
class SalesforceClientAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SalesforceClientAutoConfiguration.class));

    @Test
    void nothing_is_configured_without_a_base_url() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SalesforceClient.class).doesNotHaveBean(SalesforceAuth.class));
    }

    @Test
    void client_and_auth_are_configured_from_the_properties() {
        runner.withPropertyValues("portal.clients.salesforce.base-url=https://login.salesforce.com",
                        "portal.clients.salesforce.auth=jwt-bearer",
                        "portal.clients.salesforce.client-id=consumer-key",
                        "portal.clients.salesforce.username=integration@portal.sandbox",
                        "portal.clients.salesforce.private-key=classpath:sandbox/salesforce/jwt-sandbox-private.pem",
                        "portal.clients.salesforce.query-batch-size=500",
                        "portal.clients.salesforce.http.read-timeout=3s")
                .run(context -> {
                    assertThat(context).hasSingleBean(SalesforceClient.class).hasSingleBean(SalesforceAuth.class);
                    SalesforceProperties properties = context.getBean(SalesforceProperties.class);
                    assertThat(properties.auth()).isEqualTo(SalesforceProperties.Auth.JWT_BEARER);
                    assertThat(properties.apiVersion()).isEqualTo("62.0");
                    assertThat(properties.queryBatchSize()).isEqualTo(500);
                    assertThat(properties.http().readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.tokenUrl()).hasToString("https://login.salesforce.com/services/oauth2/token");
                    assertThat(properties.toString()).doesNotContain("jwt-sandbox-private");
                });
    }

    @Test
    void jwt_bearer_without_a_private_key_stops_the_start_naming_the_settings() {
        runner.withPropertyValues("portal.clients.salesforce.base-url=https://login.salesforce.com",
                        "portal.clients.salesforce.auth=jwt-bearer", "portal.clients.salesforce.client-id=consumer-key",
                        "portal.clients.salesforce.username=integration@portal.sandbox")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure())).singleElement().asString()
                        .contains("portal.clients.salesforce.private-key"));
    }

    @Test
    void a_query_batch_size_outside_salesforces_range_stops_the_start_naming_it() {
        runner.withPropertyValues("portal.clients.salesforce.base-url=https://login.salesforce.com",
                        "portal.clients.salesforce.client-id=consumer-key", "portal.clients.salesforce.client-secret=secret",
                        "portal.clients.salesforce.query-batch-size=100")
                .run(context -> assertThat(InvalidSettings.of(context.getStartupFailure()))
                        .containsExactly("portal.clients.salesforce.query-batch-size: must be greater than or equal to 200"));
    }

    @Test
    void a_missing_secret_fails_at_start() {
        runner.withPropertyValues("portal.clients.salesforce.base-url=https://login.salesforce.com",
                        "portal.clients.salesforce.client-id=consumer-key")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("client-secret"));
    }
}
