package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.users.Passwords;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** CSRF in Spring Security's cookie convention for cookie-authenticated unsafe requests. */
class CsrfIT extends IdentityTestBase {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Passwords passwords;
    private UUID userId;
    private JsonNode session;

    @BeforeEach
    void aLoggedInUser() {
        userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                        + " values (?, ?, ?, 'Hanako', 'Yamada', ?, ?)")
                .params(userId, userId + "@example.jp", passwords.hash(PASSWORD), now, now).update();
        HttpResponse<String> login = post("/api/auth/login", Map.of("email", userId + "@example.jp", "password", PASSWORD));
        assertThat(login.statusCode()).as("login needs no CSRF token").isEqualTo(200);
        session = json(login);
    }

    @Test
    void the_csrf_endpoint_sets_a_script_readable_lax_cookie_and_names_the_header() {
        HttpResponse<String> csrf = get("/api/auth/csrf", null);

        assertThat(csrf.statusCode()).isEqualTo(200);
        String token = json(csrf).path("token").asString();
        assertThat(token).isNotBlank();
        assertThat(json(csrf).path("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
        String cookie = csrf.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("XSRF-TOKEN=" + token + ";").contains("SameSite=Lax").contains("Path=/")
                .doesNotContain("HttpOnly");
    }

    @Test
    void a_cookie_authenticated_post_without_the_token_is_403_and_changes_nothing() {
        HttpResponse<String> refused = cookiePost("/api/me/sessions/revoke", "portal_access=" + access(), null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problemCode(refused)).isEqualTo("csrf-invalid");
        assertThat(sessionVersion()).isZero();
    }

    @Test
    void a_wrong_token_is_403_and_the_right_one_passes() {
        String token = json(get("/api/auth/csrf", null)).path("token").asString();

        HttpResponse<String> wrong = cookiePost("/api/me/sessions/revoke", "portal_access=" + access() + "; XSRF-TOKEN=" + token,
                "not-" + token);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(sessionVersion()).isZero();

        HttpResponse<String> right = cookiePost("/api/me/sessions/revoke", "portal_access=" + access() + "; XSRF-TOKEN=" + token, token);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(204);
        assertThat(sessionVersion()).isEqualTo(1);
    }

    @Test
    void the_access_cookie_authenticates_safe_requests_without_a_token() {
        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).header("Cookie", "portal_access=" + access()).GET());

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).path("id").asString()).isEqualTo(userId.toString());
    }

    @Test
    void refresh_and_logout_with_the_refresh_cookie_need_the_token() {
        String refresh = session.path("refreshToken").asString();

        HttpResponse<String> refused = cookiePost("/api/auth/refresh", "portal_refresh=" + refresh, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problemCode(refused)).isEqualTo("csrf-invalid");
        assertThat(cookiePost("/api/auth/logout", "portal_refresh=" + refresh, null).statusCode()).isEqualTo(403);

        String token = json(get("/api/auth/csrf", null)).path("token").asString();
        HttpResponse<String> refreshed = cookiePost("/api/auth/refresh", "portal_refresh=" + refresh + "; XSRF-TOKEN=" + token, token);
        assertThat(refreshed.statusCode()).as("the refresh token was not used up by the refused attempts").isEqualTo(200);
    }

    @Test
    void bearer_requests_without_cookies_are_exempt() {
        assertThat(post("/api/me/sessions/revoke", "", access()).statusCode()).isEqualTo(204);
    }

    private String access() {
        return session.path("accessToken").asString();
    }

    private int sessionVersion() {
        return jdbc.sql("select session_version from users where id = ?").param(userId).query(Integer.class).single();
    }

    private HttpResponse<String> cookiePost(String path, String cookies, String csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Cookie", cookies)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody());
        if (csrfHeader != null) {
            request.header("X-XSRF-TOKEN", csrfHeader);
        }
        return send(request);
    }
}
