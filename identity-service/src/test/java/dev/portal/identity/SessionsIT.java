package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.portal.identity.users.Passwords;
import dev.portal.platform.security.PortalJwtDecoders;
import dev.portal.platform.security.PortalSecurityProperties;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Login, refresh with rotation and reuse detection, logout, /api/me and the JWKS, over real HTTP. */
class SessionsIT extends IdentityTestBase {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Passwords passwords;
    private UUID userId;

    @BeforeEach
    void aLinkedUser() {
        userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                        + " values (?, 'Hanako.Yamada@example.jp', ?, 'Hanako', 'Yamada', ?, ?)")
                .params(userId, passwords.hash(PASSWORD), now, now).update();
        jdbc.sql("insert into id_mappings (user_id, whmcs_client_id, sf_account_id, created_at) values (?, 1, '001000000000001AAA', ?)")
                .params(userId, now).update();
    }

    @Test
    void login_issues_a_signed_access_token_the_jwks_verifies_and_cookies() throws Exception {
        HttpResponse<String> response = post("/api/auth/login", Map.of("email", "hanako.yamada@EXAMPLE.jp", "password", PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        SignedJWT jwt = SignedJWT.parse(body.path("accessToken").asString());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(userId.toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo("Hanako.Yamada@example.jp");
        assertThat(jwt.getJWTClaimsSet().getLongClaim("whmcs_client_id")).isEqualTo(1L);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("sf_account_id")).isEqualTo("001000000000001AAA");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("urn:portal:identity");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("portal");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(jwt.getJWTClaimsSet().getIssueTime());

        HttpResponse<String> jwks = get("/.well-known/jwks.json", null);
        assertThat(jwks.statusCode()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).as("only the public half is published").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        // another service validates it the way platform-security does: JWKS over HTTP, issuer, audience, expiry
        NimbusJwtDecoder elsewhere = PortalJwtDecoders.fromJwks(new PortalSecurityProperties(uri("/.well-known/jwks.json"),
                "urn:portal:identity", "portal", Duration.ofSeconds(30), List.of()));
        assertThat(elsewhere.decode(jwt.serialize()).getSubject()).isEqualTo(userId.toString());

        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("portal_access=").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("portal_refresh=").contains("Path=/api/auth").contains("HttpOnly"));
    }

    @Test
    void unknown_email_and_wrong_password_get_the_same_answer() {
        HttpResponse<String> wrong = post("/api/auth/login", Map.of("email", "hanako.yamada@example.jp", "password", "not the password"));
        HttpResponse<String> unknown = post("/api/auth/login", Map.of("email", "nobody@example.jp", "password", "not the password"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(problemCode(wrong)).isEqualTo("invalid-credentials");
        assertThat(json(unknown).path("detail")).isEqualTo(json(wrong).path("detail"));
        assertThat(problemCode(unknown)).isEqualTo("invalid-credentials");
    }

    @Test
    void me_answers_with_a_token_and_401_without() {
        String access = json(post("/api/auth/login", Map.of("email", "hanako.yamada@example.jp", "password", PASSWORD)))
                .path("accessToken").asString();

        HttpResponse<String> me = get("/api/me", access);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).path("email").asString()).isEqualTo("Hanako.Yamada@example.jp");
        assertThat(json(me).path("firstName").asString()).isEqualTo("Hanako");
        assertThat(json(me).path("linked").asBoolean()).isTrue();
        assertThat(json(me).path("whmcsClientId").asInt()).isEqualTo(1);

        HttpResponse<String> anonymous = get("/api/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problemCode(anonymous)).isEqualTo("unauthenticated");
        assertThat(get("/api/me", access.substring(0, access.length() - 4) + "AAAA").statusCode()).isEqualTo(401);
    }

    @Test
    void refresh_rotates_and_reusing_a_used_token_revokes_the_family() {
        String first = json(post("/api/auth/login", Map.of("email", "hanako.yamada@example.jp", "password", PASSWORD)))
                .path("refreshToken").asString();

        HttpResponse<String> rotated = post("/api/auth/refresh", Map.of("refreshToken", first));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String second = json(rotated).path("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(get("/api/me", json(rotated).path("accessToken").asString()).statusCode()).isEqualTo(200);

        afterTheReuseGrace();
        HttpResponse<String> reuse = post("/api/auth/refresh", Map.of("refreshToken", first));
        assertThat(reuse.statusCode()).isEqualTo(401);
        assertThat(problemCode(reuse)).isEqualTo("invalid-refresh-token");

        HttpResponse<String> afterReuse = post("/api/auth/refresh", Map.of("refreshToken", second));
        assertThat(afterReuse.statusCode()).as("the legitimate successor is revoked with its family").isEqualTo(401);
    }

    @Test
    void refresh_works_from_the_cookie_and_logout_ends_the_session() {
        HttpResponse<String> login = post("/api/auth/login", Map.of("email", "hanako.yamada@example.jp", "password", PASSWORD));
        String refresh = json(login).path("refreshToken").asString();

        String csrf = json(get("/api/auth/csrf", null)).path("token").asString();
        HttpResponse<String> viaCookie = send(HttpRequest.newBuilder(uri("/api/auth/refresh"))
                .header("Cookie", "portal_refresh=" + refresh + "; XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(viaCookie.statusCode()).as(viaCookie.body()).isEqualTo(200);
        assertThat(json(viaCookie).has("refreshToken")).as("a cookie client never gets the token in the body").isFalse();
        String next = cookie(viaCookie, "portal_refresh");

        HttpResponse<String> logout = post("/api/auth/logout", Map.of("refreshToken", next));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("portal_refresh=;").contains("Max-Age=0"));
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", next)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_browser_login_and_cookie_refresh_never_put_a_token_in_a_body_a_script_could_read() {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/api/auth/login")).header("Content-Type", "application/json")
                .header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"hanako.yamada@example.jp\",\"password\":\"" + PASSWORD + "\"}")));

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(json(login).has("refreshToken")).as(login.body()).isFalse();
        assertThat(json(login).has("accessToken")).as(login.body()).isFalse();
        String refresh = cookie(login, "portal_refresh");
        assertThat(refresh).isNotBlank();

        String csrf = json(get("/api/auth/csrf", null)).path("token").asString();
        HttpResponse<String> refreshed = send(HttpRequest.newBuilder(uri("/api/auth/refresh"))
                .header("Cookie", "portal_refresh=" + refresh + "; XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json(refreshed).has("refreshToken")).as(refreshed.body()).isFalse();
        assertThat(cookie(refreshed, "portal_refresh")).isNotEqualTo(refresh);
        assertThat(json(post("/api/auth/login", Map.of("email", "hanako.yamada@example.jp", "password", PASSWORD))).has("refreshToken"))
                .as("a client that is no browser keeps its tokens itself").isTrue();
    }

    @Test
    void passwords_are_argon2id_with_the_owasp_parameters() {
        String hash = jdbc.sql("select password_hash from users where id = ?").param(userId).query(String.class).single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
}
