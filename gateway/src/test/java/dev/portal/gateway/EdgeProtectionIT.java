package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** CSRF for cookie-authenticated writes, CORS for the configured origin, security headers, body size. */
class EdgeProtectionIT extends GatewayTestBase {

    @Test
    void a_cookie_authenticated_post_without_the_csrf_header_is_403() {
        String token = TOKENS.valid("user-csrf");

        HttpResponse<String> missing = send(post("/api/orders/c1").header("Cookie", "portal_access=" + token + "; XSRF-TOKEN=abc"));
        HttpResponse<String> wrong = send(post("/api/orders/c2").header("Cookie", "portal_access=" + token + "; XSRF-TOKEN=abc")
                .header("X-XSRF-TOKEN", "abd"));
        HttpResponse<String> noCookie = send(post("/api/orders/c3").header("Cookie", "portal_access=" + token)
                .header("X-XSRF-TOKEN", "abc"));

        for (HttpResponse<String> response : java.util.List.of(missing, wrong, noCookie)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(code(response)).isEqualTo("csrf-invalid");
        }
        assertThat(ORDER.hits("/api/orders/c1") + ORDER.hits("/api/orders/c2") + ORDER.hits("/api/orders/c3")).isZero();
    }

    @Test
    void a_cookie_authenticated_post_with_the_matching_csrf_header_passes() {
        String token = TOKENS.valid("user-csrf-ok");

        HttpResponse<String> response = send(post("/api/orders/c4").header("Cookie", "portal_access=" + token + "; XSRF-TOKEN=abc")
                .header("X-XSRF-TOKEN", "abc"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ORDER.last("/api/orders/c4").header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void bearer_requests_and_auth_endpoints_need_no_csrf_header() {
        HttpResponse<String> bearer = send(post("/api/orders/c5").header("Authorization", "Bearer " + TOKENS.valid("user-bearer-post")));
        HttpResponse<String> logout = send(post("/api/auth/logout").header("Cookie", "portal_access=" + TOKENS.valid("user-logout")));

        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(logout.statusCode()).as("identity-service enforces its own CSRF").isEqualTo(200);
    }

    @Test
    void a_preflight_from_the_configured_origin_is_allowed_with_credentials() {
        HttpResponse<String> response = send(request("/api/orders/preflight").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-xsrf-token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(ORDER.hits("/api/orders/preflight")).as("a preflight is answered by the gateway").isZero();
    }

    @Test
    void a_cross_origin_page_may_read_the_headers_that_explain_an_answer() {
        HttpResponse<String> response = send(request("/api/orders/exposed").header("Origin", ORIGIN)
                .header("Authorization", "Bearer " + TOKENS.valid("user-cors")));

        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(exposed -> assertThat(exposed)
                .contains("Idempotent-Replayed", "Retry-After", "Location", "X-Request-Id"));
    }

    @Test
    void a_preflight_from_another_origin_is_refused() {
        HttpResponse<String> response = send(request("/api/orders").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void answers_carry_the_security_headers() {
        for (HttpResponse<String> response : java.util.List.of(getWithToken("/api/catalog/h", TOKENS.valid("user-headers")),
                get("/api/orders/h"))) {
            assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        }
    }

    @Test
    void an_oversized_body_is_413_and_never_reaches_the_service() {
        byte[] body = new byte[17 * 1024];
        HttpResponse<String> response = send(request("/api/catalog/big").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + TOKENS.valid("user-big")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("payload-too-large");
        assertThat(CATALOG.hits("/api/catalog/big")).isZero();
    }

    @Test
    void an_oversized_chunked_body_is_413() {
        byte[] body = new byte[64 * 1024];
        HttpResponse<String> response = send(request("/api/catalog/chunked").POST(
                        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body)))
                .header("Authorization", "Bearer " + TOKENS.valid("user-chunked")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("payload-too-large");
        assertThat(CATALOG.hits("/api/catalog/chunked")).as("the service never answered it").isZero();
    }

    @Test
    void a_body_within_the_limit_passes() {
        byte[] body = new byte[15 * 1024];
        HttpResponse<String> response = send(request("/api/catalog/small").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + TOKENS.valid("user-small")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder post(String path) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
    }
}
