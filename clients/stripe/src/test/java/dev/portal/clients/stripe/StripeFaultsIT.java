package dev.portal.clients.stripe;

import dev.portal.clients.support.CircuitOpenException;
import dev.portal.clients.support.ExternalTimeoutException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.sandbox.EmbeddedSandbox;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults injected in front of the sandbox's Stripe: timeouts, safe retries only, the breaker. */
class StripeFaultsIT {

    private final EmbeddedSandbox sandbox = Sandbox.get();

    @BeforeEach
    void seed() {
        sandbox.reset();
        sandbox.clearFaults();
    }

    @Test
    void a_hanging_stripe_is_a_timeout() {
        StripeBilling billing = StripeBillingIT.billing(sandbox, "sk_test_sandbox",
                HttpSettings.DEFAULTS.withReadTimeout(Duration.ofMillis(500)).withRetry(1, Duration.ofMillis(5)));
        sandbox.fault("stripe", "{\"failure\":\"hang\",\"hangMs\":3000,\"remaining\":1}");

        assertThatThrownBy(() -> billing.subscription("sub_sandbox_active")).isInstanceOf(ExternalTimeoutException.class);
    }

    @Test
    void a_read_succeeds_on_the_third_attempt_past_two_503s() {
        StripeBilling billing = StripeBillingIT.billing(sandbox, "sk_test_sandbox",
                HttpSettings.DEFAULTS.withReadTimeout(Duration.ofSeconds(5)).withRetry(3, Duration.ofMillis(10)));
        sandbox.fault("stripe", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        assertThat(billing.subscription("sub_sandbox_active")).isPresent();
        assertThat(sandbox.admin("GET", "/sandbox/admin/faults", null)).as("both failures consumed").doesNotContain("stripe");
    }

    @Test
    void a_create_without_idempotency_key_is_not_repeated() {
        StripeBilling billing = StripeBillingIT.billing(sandbox, "sk_test_sandbox",
                HttpSettings.DEFAULTS.withReadTimeout(Duration.ofSeconds(5)).withRetry(3, Duration.ofMillis(10)));
        sandbox.fault("stripe", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        assertThatThrownBy(() -> billing.createCustomer(new NewCustomer("once@example.jp", null, null), null))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(sandbox.admin("GET", "/sandbox/admin/faults", null)).as("one request sent, one failure left")
                .contains("\"remaining\":1");
    }

    @Test
    void a_create_with_idempotency_key_is_retried() {
        StripeBilling billing = StripeBillingIT.billing(sandbox, "sk_test_sandbox",
                HttpSettings.DEFAULTS.withReadTimeout(Duration.ofSeconds(5)).withRetry(3, Duration.ofMillis(10)));
        sandbox.fault("stripe", "{\"failure\":\"status\",\"status\":503,\"remaining\":2}");

        assertThat(billing.createCustomer(new NewCustomer("keyed@example.jp", null, null), "customer-keyed").id()).startsWith("cus_");
    }

    @Test
    void repeated_failures_open_the_breaker() {
        StripeBilling billing = StripeBillingIT.billing(sandbox, "sk_test_sandbox",
                HttpSettings.DEFAULTS.withReadTimeout(Duration.ofSeconds(5)).withRetry(1, Duration.ofMillis(5))
                        .withBreaker(50, 4, Duration.ofSeconds(30)));
        sandbox.fault("stripe", "{\"failure\":\"status\",\"status\":503}");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> billing.subscription("sub_sandbox_active")).isInstanceOf(ExternalUnavailableException.class);
        }

        assertThat(billing.calls().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> billing.subscription("sub_sandbox_active")).isInstanceOf(CircuitOpenException.class);
    }
}
