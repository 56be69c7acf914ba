package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * Per-user and per-address token buckets answer 429 {@code too-many-requests} with {@code Retry-After}. Its own
 * gateway with small buckets (all requests come from 127.0.0.1, so the per-user case runs first).
 */
@TestPropertySource(properties = {"portal.gateway.limits.per-user.capacity=3", "portal.gateway.limits.per-user.period=1h",
        "portal.gateway.limits.per-ip.capacity=8", "portal.gateway.limits.per-ip.period=1h"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT extends GatewayTestBase {

    @Test
    @Order(1)
    void one_user_is_limited_without_affecting_another() {
        String alice = TOKENS.valid("alice");
        for (int i = 0; i < 3; i++) {
            assertThat(getWithToken("/api/catalog/alice", alice).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = getWithToken("/api/catalog/alice", alice);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(code(limited)).isEqualTo("too-many-requests");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(CATALOG.hits("/api/catalog/alice")).isEqualTo(3);
        assertThat(getWithToken("/api/catalog/bob", TOKENS.valid("bob")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void one_address_is_limited_even_without_a_token() {
        // 5 of the 8 were spent above; the probes (on the management port) are not counted
        assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
        int allowed = 0;
        HttpResponse<String> response = get("/api/auth/csrf");
        while (response.statusCode() == 200 && allowed < 10) {
            allowed++;
            response = get("/api/auth/csrf");
        }

        assertThat(allowed).isEqualTo(3);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(code(response)).isEqualTo("too-many-requests");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }
}
