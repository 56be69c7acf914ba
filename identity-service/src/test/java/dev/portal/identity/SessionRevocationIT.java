package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.portal.identity.users.Passwords;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The session-revocation contract shared with the gateway: claim {@code sv}, the session version, the
 * {@code portal.identity.sessions-revoked.v1} event and this service rejecting older tokens itself.
 */
class SessionRevocationIT extends IdentityTestBase {

    private static final String PASSWORD = "correct horse battery";
    private static final String TYPE = "portal.identity.sessions-revoked.v1";

    @Autowired Passwords passwords;
    private UUID userId;

    @BeforeEach
    void aUser() {
        userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                        + " values (?, ?, ?, 'Hanako', 'Yamada', ?, ?)")
                .params(userId, userId + "@example.jp", passwords.hash(PASSWORD), now, now).update();
    }

    private JsonNode login() {
        HttpResponse<String> login = post("/api/auth/login", Map.of("email", userId + "@example.jp", "password", PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json(login);
    }

    @Test
    void access_tokens_carry_the_session_version() throws Exception {
        jdbc.sql("update users set session_version = 7 where id = ?").param(userId).update();

        SignedJWT jwt = SignedJWT.parse(login().path("accessToken").asString());

        assertThat(jwt.getJWTClaimsSet().getClaim("sv")).isEqualTo(7L);
    }

    @Test
    void log_out_everywhere_rejects_earlier_access_and_refresh_tokens_and_publishes_the_event() {
        JsonNode first = login();
        JsonNode second = login();
        String access = first.path("accessToken").asString();

        HttpResponse<String> revoke = post("/api/me/sessions/revoke", "", access);
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(204);

        for (JsonNode session : new JsonNode[] {first, second}) {
            HttpResponse<String> me = get("/api/me", session.path("accessToken").asString());
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(problemCode(me)).isEqualTo("token-revoked");
            HttpResponse<String> refresh = post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()));
            assertThat(refresh.statusCode()).isEqualTo(401);
        }
        assertThat(jdbc.sql("select session_version from users where id = ?").param(userId).query(Integer.class).single())
                .isEqualTo(1);

        JsonNode event = data(awaitEvent("identity.user.events", userId.toString(), TYPE));
        assertThat(event.path("userId").asString()).isEqualTo(userId.toString());
        assertThat(event.path("sessionVersion").isInt()).isTrue();
        assertThat(event.path("sessionVersion").asInt()).isEqualTo(1);
        assertThat(event.path("reason").asString()).isEqualTo("user-request");
        assertThat(OffsetDateTime.parse(event.path("revokedAt").asString())).isBeforeOrEqualTo(OffsetDateTime.now());

        String fresh = login().path("accessToken").asString();
        assertThat(get("/api/me", fresh).statusCode()).as("a new login works").isEqualTo(200);
    }

    @Test
    void refresh_token_reuse_revokes_every_session_including_access_tokens() {
        JsonNode other = login();
        JsonNode session = login();
        String used = session.path("refreshToken").asString();
        HttpResponse<String> rotated = post("/api/auth/refresh", Map.of("refreshToken", used));
        assertThat(rotated.statusCode()).isEqualTo(200);

        afterTheReuseGrace();
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", used)).statusCode()).isEqualTo(401);

        assertThat(problemCode(get("/api/me", json(rotated).path("accessToken").asString()))).isEqualTo("token-revoked");
        assertThat(problemCode(get("/api/me", other.path("accessToken").asString()))).isEqualTo("token-revoked");
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", other.path("refreshToken").asString())).statusCode())
                .as("the user's other session is revoked too").isEqualTo(401);
        JsonNode event = data(awaitEvent("identity.user.events", userId.toString(), TYPE));
        assertThat(event.path("reason").asString()).isEqualTo("refresh-reuse");
    }

    @Test
    void revoking_needs_a_token() {
        HttpResponse<String> anonymous = post("/api/me/sessions/revoke", "");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select session_version from users where id = ?").param(userId).query(Integer.class).single())
                .isZero();
    }
}
