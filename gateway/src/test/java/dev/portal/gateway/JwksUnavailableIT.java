package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.security.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity's signing keys cannot be fetched (the JWKS URI is a port nobody listens on): a well-formed token cannot
 * be checked, which is the edge's outage (503 {@code upstream-unavailable}), not the client's fault (never a 401 that
 * would send it to log in again); a request without a token is still 401 {@code unauthenticated}. Its own small
 * gateway (the JWKS URI is fixed per context); revocation is off, as no token gets that far.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.gateway.revocation.enabled=false")
class JwksUnavailableIT {

    static final TestTokens TOKENS = TestTokens.start(); // signs well-formed tokens; its own JWKS is never consulted
    static final Upstream ORDER = Upstream.start("order");
    static final int DEAD_PORT = Upstream.deadPort();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("PORTAL_ORDER_URL", ORDER::url);
        registry.add("portal.security.jwks-uri", () -> "http://127.0.0.1:" + DEAD_PORT + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() {
        ORDER.close();
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_well_formed_token_that_cannot_be_checked_is_503_upstream_unavailable() throws Exception {
        HttpResponse<String> response = get("/api/orders/1", "Authorization", "Bearer " + TOKENS.valid("user-jwks-down"));

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("upstream-unavailable");
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(ORDER.hits("/api/orders/1")).isZero();
    }

    @Test
    void a_request_without_a_token_is_still_401_unauthenticated() throws Exception {
        HttpResponse<String> response = get("/api/orders/2");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("unauthenticated");
        assertThat(ORDER.hits("/api/orders/2")).isZero();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
