package dev.portal.clients.freebit;

import dev.portal.clients.support.CircuitOpenException;
import dev.portal.clients.support.ExternalTimeoutException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.sandbox.EmbeddedSandbox;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults injected through the sandbox admin API: timeouts, retries of reads only, the circuit breaker. */
class FreebitClientFaultsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HANAKO = "09012345678";

    private final EmbeddedSandbox sandbox = EmbeddedSandbox.get();

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.clearFaults();
    }

    @AfterEach
    void clear() {
        sandbox.clearFaults();
    }

    private FreebitClient client(HttpSettings http) {
        FreebitClient client = FreebitClient.unobserved(FreebitClientProperties.of(sandbox.url("/freebit/emptool/api"),
                "sandbox-oem", "sandbox-key").withHttp(http));
        client.trafficInfo(HANAKO); // authKey obtained before any fault
        return client;
    }

    private int faultRequestsLeft() {
        JsonNode faults = JSON.readTree(sandbox.admin("GET", "/sandbox/admin/faults", null));
        JsonNode freebit = faults.get("freebit");
        return freebit == null ? 0 : freebit.get("remaining").asInt();
    }

    private long remainingKb() {
        return JSON.readTree(sandbox.admin("GET", "/sandbox/admin/freebit/lines/" + HANAKO, null)).get("remainingKb").asLong();
    }

    @Test
    void hanging_freebit_is_a_timeout() {
        FreebitClient client = client(HttpSettings.DEFAULTS.withReadTimeout(Duration.ofMillis(500)).withRetry(1, Duration.ofMillis(5)));
        sandbox.fault("freebit", "{\"failure\":\"hang\",\"hangMs\":3000}");

        assertThatThrownBy(() -> client.accountDetail(HANAKO)).isInstanceOf(ExternalTimeoutException.class);
    }

    @Test
    void read_is_retried_past_two_failures_and_succeeds_on_the_third_attempt() {
        FreebitClient client = client(HttpSettings.DEFAULTS.withRetry(3, Duration.ofMillis(10)));
        sandbox.fault("freebit", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        TrafficInfo traffic = client.trafficInfo(HANAKO);

        assertThat(traffic.account()).isEqualTo(HANAKO);
        assertThat(faultRequestsLeft()).as("both failing answers were used up").isZero();
    }

    @Test
    void write_is_not_repeated_after_a_failure() {
        FreebitClient client = client(HttpSettings.DEFAULTS.withRetry(3, Duration.ofMillis(10)));
        sandbox.fault("freebit", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        assertThatThrownBy(() -> client.addQuota(new QuotaTopUp(HANAKO, 100, null, null)))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));

        assertThat(faultRequestsLeft()).as("exactly one request reached the sandbox").isEqualTo(1);
    }

    @Test
    void write_that_times_out_is_not_repeated() {
        FreebitClient client = client(HttpSettings.DEFAULTS.withReadTimeout(Duration.ofMillis(500)).withRetry(3, Duration.ofMillis(10)));
        sandbox.fault("freebit", "{\"failure\":\"hang\",\"hangMs\":1500,\"remaining\":2}");

        assertThatThrownBy(() -> client.addQuota(new QuotaTopUp(HANAKO, 100, null, null))).isInstanceOf(ExternalTimeoutException.class);

        assertThat(faultRequestsLeft()).as("exactly one request reached the sandbox").isEqualTo(1);
        assertThat(remainingKb()).as("the hung request was never applied").isEqualTo(6_240L * 1024);
    }

    @Test
    void repeated_failures_open_the_breaker_and_calls_stop_being_sent() {
        FreebitClient client = client(HttpSettings.DEFAULTS.withRetry(1, Duration.ofMillis(5)).withBreaker(50, 4, Duration.ofSeconds(30)));
        sandbox.fault("freebit", "{\"failure\":\"status\",\"status\":503}");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.trafficInfo(HANAKO)).isInstanceOf(ExternalUnavailableException.class);
        }

        assertThat(client.calls().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> client.trafficInfo(HANAKO)).isInstanceOf(CircuitOpenException.class);
    }
}
