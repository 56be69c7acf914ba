package dev.portal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.WithInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Tokens validated against a JWKS served over real HTTP; every refusal is a 401/403 problem. */
@SpringBootTest(classes = PortalSecurityIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=security-it", "portal.security.public-paths=/api/open/**",
                // revocations are SessionRevocationIT's subject
                "portal.security.revocations.enabled=false"})
// platform-stream on the class path brings Kafka's health: the test broker keeps it up
@WithInfrastructure(postgres = false)
class PortalSecurityIT {

    static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("portal.security.jwks-uri", () -> TOKENS.jwksUri().toString());
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort int port;

    @Test
    void a_valid_token_reaches_the_endpoint_as_the_current_user() {
        HttpResponse<String> response = get("/api/me", TOKENS.valid("user-1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = ApiClient.json(response);
        assertThat(me.path("id").asString()).isEqualTo("user-1");
        assertThat(me.path("email").asString()).isEqualTo("user-1@example.test");
        assertThat(me.path("whmcsClientId").asInt()).isEqualTo(1001);
        assertThat(me.path("sfAccountId").asString()).isEqualTo("001000000000005AAA");
    }

    @Test
    void no_token_is_401_problem() {
        HttpResponse<String> response = get("/api/me", null);
        unauthenticated(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void an_expired_token_is_401() {
        unauthenticated(get("/api/me", TOKENS.expired("user-1")));
    }

    @Test
    void a_token_signed_by_another_key_is_401() {
        unauthenticated(get("/api/me", TOKENS.signedWithWrongKey("user-1")));
    }

    @Test
    void an_unsigned_alg_none_token_is_401() {
        unauthenticated(get("/api/me", TOKENS.unsigned("user-1")));
    }

    @Test
    void a_tampered_payload_is_401() {
        unauthenticated(get("/api/me", TOKENS.tampered("user-1", "admin")));
    }

    @Test
    void a_token_for_another_audience_or_issuer_is_401() {
        unauthenticated(get("/api/me", TOKENS.token("user-1", claims -> claims.audience("someone-else"))));
        unauthenticated(get("/api/me", TOKENS.token("user-1", claims -> claims.issuer("urn:evil"))));
    }

    @Test
    void a_token_without_expiry_is_401() {
        unauthenticated(get("/api/me", TOKENS.token("user-1", claims -> claims.expirationTime(null))));
    }

    @Test
    void a_token_slightly_expired_within_the_clock_skew_is_accepted() {
        Date tenSecondsAgo = new Date(System.currentTimeMillis() - Duration.ofSeconds(10).toMillis());
        assertThat(get("/api/me", TOKENS.token("user-1", claims -> claims
                .issueTime(new Date(tenSecondsAgo.getTime() - 600_000)).expirationTime(tenSecondsAgo))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void garbage_in_the_header_is_401() {
        unauthenticated(get("/api/me", "not-a-jwt"));
    }

    @Test
    void a_missing_authority_is_403_problem() {
        HttpResponse<String> response = get("/api/admin", TOKENS.valid("user-1"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.problemCode(response)).isEqualTo("forbidden");
    }

    @Test
    void declared_public_paths_and_health_need_no_token() {
        assertThat(get("/api/open/ping", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_path_is_404_without_a_token() {
        HttpResponse<String> response = get("/api/nothing-here", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.problemCode(response)).isEqualTo("not-found");
    }

    private void unauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.problemCode(response)).isEqualTo("unauthenticated");
        assertThat(ApiClient.json(response).path("type").asString()).endsWith("/unauthenticated");
    }

    /** {@code token} null: no Authorization header. */
    private HttpResponse<String> get(String path, String token) {
        return ApiClient.on(port).withBearer(token).get(path);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableMethodSecurity
    @Import(Api.class)
    static class App {
    }

    @RestController
    static class Api {

        private final CurrentUser currentUser;

        Api(CurrentUser currentUser) {
            this.currentUser = currentUser;
        }

        @GetMapping("/api/me")
        Map<String, Object> me() {
            PortalUser user = currentUser.get();
            return Map.of("id", user.id(), "email", user.email(), "whmcsClientId", user.whmcsClientId().orElseThrow(),
                    "sfAccountId", user.sfAccountId().orElseThrow());
        }

        @GetMapping("/api/admin")
        @PreAuthorize("hasAuthority('SCOPE_portal:admin')")
        String admin() {
            return "secret";
        }

        @GetMapping("/api/open/ping")
        String ping() {
            return "pong";
        }
    }
}
