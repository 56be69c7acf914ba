package dev.portal.clients.whmcs;

import dev.portal.clients.support.CircuitOpenException;
import dev.portal.clients.support.ExternalTimeoutException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.sandbox.EmbeddedSandbox;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults injected into the sandbox's WHMCS: timeouts, safe retries only for reads, and the circuit breaker. */
class WhmcsFaultsIT {

    private static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();

    private static WhmcsClient client(HttpSettings http) {
        return WhmcsClient.create(new WhmcsProperties(URI.create(SANDBOX.baseUrl() + "/whmcs"), "sandbox-identifier",
                "sandbox-secret", null, http));
    }

    private static final HttpSettings FAST = HttpSettings.DEFAULTS
            .withReadTimeout(Duration.ofMillis(500))
            .withRetry(3, Duration.ofMillis(10))
            .withBreaker(50, 4, Duration.ofSeconds(30));

    @BeforeEach
    void seed() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
    }

    @AfterEach
    void clear() {
        SANDBOX.clearFaults();
    }

    @Test
    void hangingWhmcsIsATimeout() {
        SANDBOX.fault("whmcs", "{\"failure\":\"hang\",\"hangMs\":3000,\"remaining\":1}");

        assertThatThrownBy(() -> client(FAST.withRetry(1, Duration.ofMillis(1))).getInvoice(1))
                .isInstanceOf(ExternalTimeoutException.class);
    }

    @Test
    void readSucceedsOnTheThirdAttemptPastTwoFailures() {
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        Invoice invoice = client(FAST).getInvoice(3);

        assertThat(invoice.status()).isEqualTo("Unpaid");
    }

    @Test
    void addOrderIsNotRepeatedAfterAFailure() {
        WhmcsClient whmcs = client(FAST);
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        assertThatThrownBy(() -> whmcs.addOrder(OrderRequest.of(2, "stripe", List.of(OrderLine.monthly(20)))))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));

        assertThat(SANDBOX.admin("GET", "/sandbox/admin/faults", null))
                .as("one of the two injected failures is left: the order was sent once")
                .contains("\"remaining\":1");
        assertThat(whmcs.getClientsProducts(ServicesQuery.ofClient(2)).services()).as("no order reached WHMCS").isEmpty();
    }

    @Test
    void repeatedFailuresOpenTheBreaker() {
        WhmcsClient whmcs = client(FAST.withRetry(1, Duration.ofMillis(1)));
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":502}");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> whmcs.getInvoice(1)).isInstanceOf(ExternalUnavailableException.class);
        }

        assertThat(whmcs.calls().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        SANDBOX.clearFaults();
        assertThatThrownBy(() -> whmcs.getInvoice(1)).isInstanceOf(CircuitOpenException.class);
    }
}
