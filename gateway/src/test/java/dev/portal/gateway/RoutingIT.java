package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Requests reach the service that owns their path, with a request id passed along; a service that is down is a
 * 503 problem, not a stack trace.
 */
class RoutingIT extends GatewayTestBase {

    @Test
    void a_request_reaches_the_service_owning_its_path_with_a_request_id() {
        HttpResponse<String> response = getWithToken("/api/catalog/products/42", TOKENS.valid("user-routing"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asString()).isEqualTo("catalog");
        assertThat(response.headers().allValues("X-Request-Id")).as("one request id, not the service's echo too").hasSize(1);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(CATALOG.last("/api/catalog/products/42").header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void each_prefix_goes_to_its_service() {
        String token = TOKENS.valid("user-prefixes");
        assertThat(json(getWithToken("/api/me/profile", token)).path("service").asString()).isEqualTo("identity");
        assertThat(json(getWithToken("/api/orders", token)).path("service").asString()).isEqualTo("order");
        assertThat(json(getWithToken("/api/invoices/7", token)).path("service").asString()).isEqualTo("billing");
        assertThat(json(getWithToken("/api/payment-methods", token)).path("service").asString()).isEqualTo("billing");
        assertThat(json(getWithToken("/api/sims/1/usage", token)).path("service").asString()).isEqualTo("sim");
        assertThat(json(getWithToken("/api/v1/groups/9", token)).path("service").asString()).isEqualTo("wishlist");
        assertThat(json(getWithToken("/api/v1/temp-wishlists", token)).path("service").asString()).isEqualTo("wishlist");
        assertThat(json(get("/.well-known/jwks.json")).path("service").asString()).isEqualTo("identity");
    }

    @Test
    void a_service_that_is_down_answers_503_problem() {
        HttpResponse<String> response = getWithToken("/api/cases", TOKENS.valid("user-down"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(code(response)).isEqualTo("upstream-unavailable");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void the_service_is_told_the_peer_address_whatever_x_forwarded_for_the_client_sends() {
        getWithToken("/api/catalog/forwarded", TOKENS.valid("user-xff"));
        assertThat(CATALOG.last("/api/catalog/forwarded").header("X-Forwarded-For")).isEqualTo("127.0.0.1");

        get("/api/catalog/forwarded2", "Authorization", "Bearer " + TOKENS.valid("user-xff"), "X-Forwarded-For", "203.0.113.9",
                "Forwarded", "for=203.0.113.10", "X-Real-IP", "203.0.113.11");

        Upstream.Seen seen = CATALOG.last("/api/catalog/forwarded2");
        assertThat(seen.header("X-Forwarded-For")).as("a spoofed entry is replaced, not kept to the left").isEqualTo("127.0.0.1");
        assertThat(seen.header("Forwarded")).isNull();
        assertThat(seen.header("X-Real-IP")).isNull();
    }

    @Test
    void the_trace_context_is_propagated() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        get("/api/catalog/traced", "Authorization", "Bearer " + TOKENS.valid("user-trace"),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(CATALOG.last("/api/catalog/traced").header("traceparent")).contains(traceId);
    }
}
