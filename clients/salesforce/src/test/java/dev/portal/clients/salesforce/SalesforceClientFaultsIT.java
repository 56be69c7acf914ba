package dev.portal.clients.salesforce;

import dev.portal.clients.support.CircuitOpenException;
import dev.portal.clients.support.ExternalTimeoutException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.sandbox.EmbeddedSandbox;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sandbox faults on the Salesforce paths: timeouts, safe retries, writes sent once, the breaker. */
class SalesforceClientFaultsIT {

    private final EmbeddedSandbox sandbox = EmbeddedSandbox.get();

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        sandbox.clearFaults();
    }

    private SalesforceClient loggedIn(HttpSettings http) {
        SalesforceClient client = TestClients.client(TestClients.sandboxCredentials(URI.create(sandbox.baseUrl() + "/salesforce"), http), null);
        client.auth().current();
        return client;
    }

    @Test
    void a_hanging_org_is_a_timeout() {
        SalesforceClient client = loggedIn(TestClients.FAST.withReadTimeout(Duration.ofMillis(400)).withRetry(1, Duration.ofMillis(1)));
        sandbox.fault("salesforce", "{\"failure\":\"hang\",\"hangMs\":2000}");

        assertThatThrownBy(() -> client.queryTrees("SELECT Id FROM Account")).isInstanceOf(ExternalTimeoutException.class);
    }

    @Test
    void a_read_is_retried_past_two_failures() {
        SalesforceClient client = loggedIn(TestClients.FAST);
        sandbox.fault("salesforce", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        assertThat(client.queryTrees("SELECT Id FROM Account")).hasSize(6);
    }

    @Test
    void a_create_is_not_repeated_after_a_failure() {
        SalesforceClient client = loggedIn(TestClients.FAST);
        sandbox.fault("salesforce", "{\"failure\":\"status\",\"status\":503,\"remaining\":1}");

        assertThatThrownBy(() -> client.create("Account", Map.of("Name", "Sent Once")))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(client.query("SELECT Id FROM Account WHERE Name = 'Sent Once'", JsonNode.class))
                .as("the failed create was not sent again").isEmpty();
    }

    @Test
    void repeated_failures_open_the_breaker() {
        SalesforceClient client = loggedIn(TestClients.FAST.withRetry(1, Duration.ofMillis(1)));
        sandbox.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.queryTrees("SELECT Id FROM Account")).isInstanceOf(ExternalUnavailableException.class);
        }

        assertThat(client.calls().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> client.queryTrees("SELECT Id FROM Account")).isInstanceOf(CircuitOpenException.class);
    }
}
