package dev.portal.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test client over real HTTP, against a loopback {@link FixtureServer} that records what arrived. */
class ApiClientTest {

    static final FixtureServer SERVER = FixtureServer.start();
    static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void clear() {
        SERVER.clear();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void a_bearer_client_sends_its_token_and_a_json_body() {
        SERVER.on("POST", "/api/things", FixtureServer.json(201, "{\"id\":7}"));

        HttpResponse<String> response = ApiClient.at(SERVER.baseUrl().toString()).withBearer("tok-1")
                .post("/api/things", Map.of("name", "router"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(response).path("id").asInt()).isEqualTo(7);
        FixtureServer.Recorded request = SERVER.requests().getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"name\":\"router\"}");
    }

    @Test
    void a_plain_client_sends_no_credentials_and_strings_as_they_are() {
        SERVER.on("PATCH", "/api/things/7", FixtureServer.empty(204));

        ApiClient.on(SERVER.port()).patch("/api/things/7", "{\"name\": ");

        FixtureServer.Recorded request = SERVER.requests().getFirst();
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.header("Cookie")).isNull();
        assertThat(request.bodyText()).isEqualTo("{\"name\": ");
    }

    @Test
    void a_browser_keeps_cookies_and_echoes_the_csrf_cookie_on_unsafe_requests_only() {
        SERVER.on("GET", "/api/auth/csrf", FixtureServer.empty(204)
                .withHeader("Set-Cookie", "XSRF-TOKEN=csrf-1; Path=/; SameSite=Lax"));
        SERVER.on("POST", "/api/auth/login", FixtureServer.empty(200)
                .withHeader("Set-Cookie", "portal_access=acc-1; Path=/; HttpOnly; Secure"));
        SERVER.on("GET", "/api/me", FixtureServer.json(200, "{}"));
        SERVER.on("DELETE", "/api/me/sessions", FixtureServer.empty(204));
        ApiClient browser = ApiClient.on(SERVER.port()).withCookies();

        browser.get("/api/auth/csrf");
        browser.post("/api/auth/login", Map.of("email", "a@example.test"));
        browser.get("/api/me");
        browser.delete("/api/me/sessions");

        var requests = SERVER.requests();
        assertThat(requests.get(1).header("X-XSRF-TOKEN")).isEqualTo("csrf-1");
        assertThat(requests.get(2).header("Cookie")).contains("portal_access=acc-1").contains("XSRF-TOKEN=csrf-1");
        assertThat(requests.get(2).header("X-XSRF-TOKEN")).as("safe requests need no CSRF header").isNull();
        assertThat(requests.get(3).header("X-XSRF-TOKEN")).isEqualTo("csrf-1");
        assertThat(browser.cookie("portal_access")).hasValue("acc-1");
    }

    @Test
    void a_browser_without_the_csrf_header_still_sends_its_cookies() {
        SERVER.on("PUT", "/api/me/profile", FixtureServer.empty(403));
        ApiClient browser = ApiClient.on(SERVER.port()).withCookie("XSRF-TOKEN", "csrf-2").withCookie("portal_access", "acc-2");

        browser.withoutCsrfHeader().put("/api/me/profile", Map.of());

        FixtureServer.Recorded request = SERVER.requests().getFirst();
        assertThat(request.header("X-XSRF-TOKEN")).isNull();
        assertThat(request.header("Cookie")).contains("portal_access=acc-2");
    }

    @Test
    void a_cookie_the_server_expires_leaves_the_jar() {
        SERVER.on("POST", "/api/auth/logout", FixtureServer.empty(204)
                .withHeader("Set-Cookie", "portal_access=; Max-Age=0; Path=/"));
        ApiClient browser = ApiClient.on(SERVER.port()).withCookie("portal_access", "acc-3");

        browser.post("/api/auth/logout", null);

        assertThat(browser.cookie("portal_access")).isEmpty();
    }

    @Test
    void problem_code_and_fields_are_read_from_a_problem() {
        SERVER.on("POST", "/api/things", FixtureServer.text(400, PROBLEM, """
                {"type":"https://docs.portal.dev/problems/validation-failed","code":"validation-failed",
                 "errors":[{"field":"name"},{"field":"size"}]}"""));

        HttpResponse<String> response = ApiClient.on(SERVER.port()).post("/api/things", Map.of());

        assertThat(ApiClient.problemCode(response)).isEqualTo("validation-failed");
        assertThat(ApiClient.problemFields(response)).containsExactly("name", "size");
    }

    @Test
    void problem_code_of_an_answer_that_is_not_a_problem_says_what_came_back() {
        SERVER.on("GET", "/api/things", FixtureServer.json(200, "{\"code\":\"looks-like-one\"}"));

        String code = ApiClient.problemCode(ApiClient.on(SERVER.port()).get("/api/things"));

        assertThat(code).startsWith("(not a problem: 200 application/json").contains("looks-like-one");
    }

    @Test
    void an_empty_body_is_missing_json_not_an_error() {
        SERVER.on("DELETE", "/api/things/1", FixtureServer.empty(204));

        HttpResponse<String> response = ApiClient.on(SERVER.port()).delete("/api/things/1");

        assertThat(ApiClient.json(response).isMissingNode()).isTrue();
        assertThat(ApiClient.json(response).path("id").asString()).isEmpty();
    }
}
