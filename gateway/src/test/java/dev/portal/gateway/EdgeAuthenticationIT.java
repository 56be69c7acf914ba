package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Routed requests need a valid portal access token, checked at the edge; public paths pass untouched. */
class EdgeAuthenticationIT extends GatewayTestBase {

    @Test
    void no_token_is_401_unauthenticated() {
        HttpResponse<String> response = get("/api/orders/1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(code(response)).isEqualTo("unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(ORDER.hits("/api/orders/1")).isZero();
    }

    @Test
    void an_expired_token_is_401_token_expired() {
        HttpResponse<String> response = getWithToken("/api/orders/2", TOKENS.expired("user-expired"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("token-expired");
        assertThat(ORDER.hits("/api/orders/2")).isZero();
    }

    @Test
    void a_token_signed_with_another_key_is_401_token_invalid() {
        assertRejectedAsInvalid(TOKENS.signedWithWrongKey("user-wrong-key"), "/api/orders/3");
    }

    @Test
    void an_unsigned_alg_none_token_is_401_token_invalid() {
        assertRejectedAsInvalid(TOKENS.unsigned("user-none"), "/api/orders/4");
    }

    @Test
    void a_token_with_tampered_claims_is_401_token_invalid() {
        assertRejectedAsInvalid(TOKENS.tampered("user-tampered", "someone-else"), "/api/orders/5");
    }

    @Test
    void a_token_of_another_issuer_or_audience_is_401_token_invalid() {
        assertRejectedAsInvalid(TOKENS.token("user-iss", claims -> claims.issuer("urn:somewhere-else")), "/api/orders/6");
        assertRejectedAsInvalid(TOKENS.token("user-aud", claims -> claims.audience("another-app")), "/api/orders/7");
        assertRejectedAsInvalid("not-a-jwt", "/api/orders/8");
    }

    @Test
    void a_valid_bearer_token_is_relayed_to_the_service() {
        String token = TOKENS.valid("user-bearer");

        HttpResponse<String> response = getWithToken("/api/orders/9", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ORDER.last("/api/orders/9").header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void the_access_cookie_is_validated_and_relayed_as_a_bearer_header() {
        String token = TOKENS.valid("user-cookie");

        HttpResponse<String> response = get("/api/orders/10", "Cookie", "portal_access=" + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ORDER.last("/api/orders/10").header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void a_bad_access_cookie_is_rejected_like_a_bad_header() {
        HttpResponse<String> response = get("/api/orders/11", "Cookie", "portal_access=" + TOKENS.expired("user-old-cookie"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("token-expired");
    }

    @Test
    void public_paths_pass_without_a_token_and_nothing_is_validated_or_relayed() {
        HttpResponse<String> login = send(request("/api/auth/login").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").header("Cookie", "portal_access=" + TOKENS.expired("user-stale")));
        assertThat(login.statusCode()).as("a stale cookie must not block a login").isEqualTo(200);
        assertThat(IDENTITY.last("/api/auth/login").header("Authorization")).isNull();

        assertThat(get("/.well-known/jwks.json").statusCode()).isEqualTo(200);
        HttpResponse<String> webhook = send(request("/api/stripe/webhooks").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Stripe-Signature", "t=1,v1=abc"));
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(WISHLIST.last("/api/stripe/webhooks").header("Stripe-Signature")).isEqualTo("t=1,v1=abc");
    }

    @Test
    void me_endpoints_of_identity_need_a_token() {
        assertThat(get("/api/me").statusCode()).isEqualTo(401);
        assertThat(getWithToken("/api/me", TOKENS.valid("user-me")).statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_path_is_404_with_or_without_a_token() {
        assertThat(get("/api/nothing-here").statusCode()).isEqualTo(404);
        assertThat(getWithToken("/api/nothing-here", TOKENS.valid("user-404")).statusCode()).isEqualTo(404);
    }

    private void assertRejectedAsInvalid(String token, String path) {
        HttpResponse<String> response = getWithToken(path, token);
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("token-invalid");
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(ORDER.hits(path)).isZero();
    }
}
