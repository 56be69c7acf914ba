package dev.portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.errors.LimitReached;
import dev.portal.platform.errors.NotFound;
import dev.portal.platform.errors.UpstreamFailure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Every kind of bad request, over real HTTP, answered as problem+json with a stable code and nothing internal. */
@SpringBootTest(classes = ProblemHandlerIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=problem-it", "portal.web.max-request-size=2KB"})
class ProblemHandlerIT {

    @LocalServerPort int port;

    @Test
    void invalid_fields_are_listed_by_name() {
        HttpResponse<String> response = post("/things", "{\"name\":\"\",\"size\":99}");

        JsonNode problem = problem(response, 400, "validation-failed");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "size");
    }

    @Test
    void invalid_query_parameters_are_listed_by_name() {
        JsonNode problem = problem(get("/things?page=0"), 400, "validation-failed");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("page");
    }

    @Test
    void malformed_json_is_a_malformed_body_without_parser_internals() {
        HttpResponse<String> response = post("/things", "{\"name\": \"x\", \"size\": ");

        problem(response, 400, "malformed-body");
        assertThat(response.body()).doesNotContain("tools.jackson").doesNotContain("NewThing");
    }

    @Test
    void a_wrongly_typed_parameter_is_invalid_parameter() {
        problem(get("/things?page=two"), 400, "invalid-parameter");
    }

    @Test
    void a_domain_problem_keeps_its_status_and_code() {
        JsonNode problem = problem(get("/things/42"), 404, "thing-not-found");
        assertThat(problem.path("detail").asString()).isEqualTo("No thing 42 here.");
    }

    @Test
    void a_per_resource_cooldown_is_a_409_with_retry_after_and_its_properties() {
        HttpResponse<String> response = get("/things/9/change");

        JsonNode problem = problem(response, 409, "change-too-soon");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("90");
        assertThat(problem.path("retryAfter").asLong()).isEqualTo(90);
        assertThat(problem.path("thing").asString()).isEqualTo("9");
    }

    @Test
    void a_rate_limit_is_a_429_with_retry_after_rounded_up() {
        HttpResponse<String> response = get("/limited");

        problem(response, 429, "rate-limited");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void an_external_system_failure_names_the_system_by_kind_and_hides_its_detail() {
        HttpResponse<String> unavailable = get("/upstream/UNAVAILABLE");
        assertThat(problem(unavailable, 503, "upstream-unavailable").path("system").asString()).isEqualTo("warehouse");
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
        problem(get("/upstream/TIMEOUT"), 504, "upstream-timeout");
        HttpResponse<String> failed = get("/upstream/FAILED");
        problem(failed, 502, "upstream-failed");
        assertThat(failed.body()).doesNotContain("10.0.0.7").doesNotContain("GetThing");
    }

    @Test
    void an_unexpected_failure_is_a_generic_500_that_leaks_nothing() {
        HttpResponse<String> response = get("/boom");

        problem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at dev.");
    }

    @Test
    void wrong_method_and_media_type_have_their_codes() {
        problem(api().delete("/things/1"), 405, "method-not-allowed");
        problem(api().send(api().request("/things").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))), 415, "unsupported-media-type");
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read() {
        String big = "{\"name\":\"" + "x".repeat(4096) + "\",\"size\":1}";
        problem(post("/things", big), 413, "payload-too-large");
    }

    @Test
    void the_request_id_is_kept_echoed_and_quoted_in_problems() {
        HttpResponse<String> response = api().withHeader("X-Request-Id", "req-12345678").get("/things/7");

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-12345678");
        assertThat(problem(response, 404, "thing-not-found").path("requestId").asString()).isEqualTo("req-12345678");
        HttpResponse<String> forged = api().withHeader("X-Request-Id", "<script>").get("/things/7");
        assertThat(forged.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("<"));
    }

    @Test
    void a_valid_request_still_works() {
        assertThat(post("/things", "{\"name\":\"router\",\"size\":2}").statusCode()).isEqualTo(201);
    }

    private JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.problemCode(response)).isEqualTo(code);
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.path("type").asString()).isEqualTo("https://docs.portal.dev/problems/" + code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    private ApiClient api() {
        return ApiClient.on(port).withTimeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) {
        return api().get(path);
    }

    /** The body as it is: some of these requests are malformed on purpose. */
    private HttpResponse<String> post(String path, String body) {
        return api().post(path, body);
    }

    static final class ThingNotFound extends NotFound {
        ThingNotFound(String id) {
            super("thing-not-found", "Thing not found", "No thing " + id + " here.");
        }
    }

    static final class ChangeTooSoon extends LimitReached {
        ChangeTooSoon(Duration wait, String id) {
            super("change-too-soon", "Change too soon", "Thing " + id + " changed a moment ago.", wait,
                    java.util.Map.of("thing", id));
        }

        @Override
        public boolean asConflict() {
            return true;
        }
    }

    static final class TooManyThings extends LimitReached {
        TooManyThings() {
            super("rate-limited", "Too many requests", "Slow down.", Duration.ofMillis(2500));
        }
    }

    static final class WarehouseFailure extends UpstreamFailure {
        private final Kind kind;

        WarehouseFailure(Kind kind) {
            super("warehouse", "GetThing", "internal detail 10.0.0.7", null);
            this.kind = kind;
        }

        @Override
        public Kind kind() {
            return kind;
        }
    }

    record NewThing(@NotBlank String name, @Min(1) @Max(10) int size) {
    }

    @RestController
    @Validated
    static class Things {

        @PostMapping("/things")
        @ResponseStatus(HttpStatus.CREATED)
        NewThing create(@Valid @RequestBody NewThing thing) {
            return thing;
        }

        @GetMapping("/things")
        String list(@RequestParam @Min(1) int page) {
            return "page " + page;
        }

        @GetMapping("/things/{id}")
        String show(@PathVariable String id) {
            throw new ThingNotFound(id);
        }

        @GetMapping("/things/{id}/change")
        String change(@PathVariable String id) {
            throw new ChangeTooSoon(Duration.ofSeconds(90), id);
        }

        @GetMapping("/limited")
        String limited() {
            throw new TooManyThings();
        }

        @GetMapping("/upstream/{kind}")
        String upstream(@PathVariable String kind) {
            throw new WarehouseFailure(UpstreamFailure.Kind.valueOf(kind));
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals at db.password=hunter2");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @org.springframework.context.annotation.Bean
        Things things() {
            return new Things();
        }
    }
}
