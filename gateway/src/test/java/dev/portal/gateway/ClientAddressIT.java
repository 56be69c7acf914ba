package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The client's address with a trusted proxy configured (127.0.0.1, as an ingress would be): that proxy names the
 * client in {@code X-Forwarded-For}; every other peer is its own address whatever header it sends, for the per-IP
 * bucket here as for the services behind. Its own gateway with a small per-IP bucket.
 */
@TestPropertySource(properties = {"portal.gateway.clients.trusted-proxies=127.0.0.1/32",
        "portal.gateway.limits.per-ip.capacity=3", "portal.gateway.limits.per-ip.period=1h"})
class ClientAddressIT extends GatewayTestBase {

    @Test
    void a_trusted_proxy_names_the_client_and_the_service_sees_that_address_alone() {
        HttpResponse<String> response = get("/api/catalog/proxied", "Authorization", "Bearer " + TOKENS.valid("user-proxied"),
                "X-Forwarded-For", "198.51.100.66, 203.0.113.7");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CATALOG.last("/api/catalog/proxied").header("X-Forwarded-For"))
                .as("the rightmost entry the trusted proxy wrote; the one to its left is the client's own claim")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void a_peer_that_is_no_trusted_proxy_cannot_choose_its_address_with_x_forwarded_for() {
        HttpResponse<String> response = getFrom("127.0.0.2", "/api/catalog/spoofed",
                "Authorization", "Bearer " + TOKENS.valid("user-spoof"), "X-Forwarded-For", "203.0.113.8");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CATALOG.last("/api/catalog/spoofed").header("X-Forwarded-For")).isEqualTo("127.0.0.2");
    }

    @Test
    void rotating_x_forwarded_for_does_not_escape_the_per_address_limit() {
        for (int i = 1; i <= 3; i++) {
            assertThat(getFrom("127.0.0.3", "/api/auth/csrf", "X-Forwarded-For", "203.0.113." + i).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> fourth = getFrom("127.0.0.3", "/api/auth/csrf", "X-Forwarded-For", "203.0.113.4");

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(code(fourth)).isEqualTo("too-many-requests");
        assertThat(getFrom("127.0.0.4", "/api/auth/csrf").statusCode()).as("another address has its own bucket").isEqualTo(200);
    }

    @Test
    void each_client_a_trusted_proxy_names_has_a_bucket_of_its_own() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/auth/csrf", "X-Forwarded-For", "198.51.100.20").statusCode()).isEqualTo(200);
        }

        assertThat(get("/api/auth/csrf", "X-Forwarded-For", "198.51.100.20").statusCode()).isEqualTo(429);
        assertThat(get("/api/auth/csrf", "X-Forwarded-For", "198.51.100.21").statusCode()).isEqualTo(200);
    }
}
