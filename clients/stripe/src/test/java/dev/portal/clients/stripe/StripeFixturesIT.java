package dev.portal.clients.stripe;

import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.platform.test.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.portal.platform.test.FixtureServer.html;
import static dev.portal.platform.test.FixtureServer.json;
import static dev.portal.platform.test.FixtureServer.resource;
import static dev.portal.platform.test.FixtureServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client over recorded Stripe-shaped answers (the fact sheet's examples) and the bad ones a vendor sometimes sends. */
class StripeFixturesIT {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withReadTimeout(Duration.ofSeconds(2)).withRetry(1, Duration.ofMillis(5));
    private static final String SUBSCRIPTION = "/v1/subscriptions/sub_1PfixtureA";

    private FixtureServer server;
    private StripeBilling billing;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        StripeClientProperties properties = new StripeClientProperties(server.baseUrl(), "sk_test_fixture", null,
                "quota_mb", null, null, FAST);
        billing = new StripeBilling(properties, ExternalCalls.unobserved("stripe", FAST));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static FixtureServer.Body fixture(int status, String name) {
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : "application/json";
        return resource(status, type, "fixtures/stripe/" + name).withHeader("Request-Id", "req_fixture");
    }

    @Test
    void reads_the_fact_sheet_subscription_in_the_basil_shape() {
        server.on("GET", SUBSCRIPTION, fixture(200, "subscription.json"));

        StripeSubscription sub = billing.subscription("sub_1PfixtureA").orElseThrow();

        assertThat(sub.status()).isEqualTo(StripeSubscription.Status.ACTIVE);
        assertThat(sub.customerId()).isEqualTo("cus_PfixtureA");
        StripeSubscription.Item item = sub.items().getFirst();
        assertThat(item.currentPeriodStart()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(item.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(1702592000));
        assertThat(item.lookupKey()).isEqualTo("plan_5gb");
        assertThat(billing.quota("sub_1PfixtureA")).contains(5120);
    }

    @Test
    void sends_the_key_as_bearer_and_pins_the_basil_version() {
        server.on("GET", SUBSCRIPTION, fixture(200, "subscription.json"));

        billing.subscription("sub_1PfixtureA");

        FixtureServer.Recorded request = server.requests().getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk_test_fixture");
        assertThat(request.header("Stripe-Version")).isEqualTo("2025-03-31.basil");
        assertThat(request.query()).contains("expand");
    }

    @Test
    void reads_active_entitlements() {
        server.on("GET", "/v1/entitlements/active_entitlements", fixture(200, "active-entitlements.json"));

        assertThat(billing.activeEntitlements("cus_PfixtureA"))
                .containsExactly(new ActiveEntitlement("ent_test_61fixtureA", "feat_test_61fixtureA", "wishlists"));
    }

    @Test
    void a_missing_subscription_is_empty() {
        server.on("GET", "/v1/subscriptions/sub_missing", fixture(404, "error-resource-missing.json"));

        assertThat(billing.subscription("sub_missing")).isEmpty();
    }

    @Test
    void a_refusal_carries_stripe_type_code_and_param() {
        server.on("GET", "/v1/subscriptions", fixture(400, "error-parameter-missing.json"));

        assertThatThrownBy(() -> billing.subscriptions("cus_PfixtureA"))
                .isInstanceOfSatisfying(StripeApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.code()).isEqualTo("parameter_missing");
                    assertThat(e.param()).isEqualTo("customer");
                    assertThat(e.requestId()).isEqualTo("req_fixture");
                });
    }

    @Test
    void a_bad_key_is_an_authentication_failure() {
        server.on("GET", SUBSCRIPTION, fixture(401, "error-invalid-key.json"));

        assertThatThrownBy(() -> billing.subscription("sub_1PfixtureA"))
                .isInstanceOfSatisfying(ExternalAuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void an_html_maintenance_page_is_an_unreadable_answer() {
        server.on("GET", SUBSCRIPTION, fixture(200, "maintenance.html"));

        assertThatThrownBy(() -> billing.subscription("sub_1PfixtureA")).isInstanceOf(ExternalResponseException.class);
    }

    @Test
    void an_html_error_page_with_503_is_unavailable() {
        server.on("GET", SUBSCRIPTION, html(503, "<html><body><h1>503 Service Unavailable</h1></body></html>"));

        assertThatThrownBy(() -> billing.subscription("sub_1PfixtureA"))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void truncated_json_is_a_typed_failure() {
        server.on("GET", SUBSCRIPTION, json(200, "{\"id\":\"sub_1PfixtureA\",\"object\":\"subscription\",\"items\":{\"data\":[{"));

        assertThatThrownBy(() -> billing.subscription("sub_1PfixtureA")).isInstanceOf(ExternalResponseException.class);
    }

    @Test
    void a_connection_cut_mid_answer_is_a_typed_failure() {
        server.on("GET", SUBSCRIPTION, truncated(200, "{\"id\":\"sub_1PfixtureA\",\"object\":\"subscr", 4000));

        assertThatThrownBy(() -> billing.subscription("sub_1PfixtureA")).isInstanceOf(ExternalSystemException.class)
                .isNotInstanceOf(StripeApiException.class);
    }

    @Test
    void wrong_types_are_an_unreadable_answer() {
        server.on("GET", SUBSCRIPTION, fixture(200, "subscription-wrong-types.json"));

        assertThatThrownBy(() -> billing.subscription("sub_1PfixtureA")).isInstanceOf(ExternalResponseException.class);
    }
}
