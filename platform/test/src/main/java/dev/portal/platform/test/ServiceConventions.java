package dev.portal.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service of the suite shows from the outside, checked over real HTTP. A service's test extends
 * this class and adds {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} (and {@link WithInfrastructure}
 * when it needs Kafka or PostgreSQL).
 */
public abstract class ServiceConventions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Test
    protected void readiness_is_up_when_its_dependencies_answer() {
        // the outbox's replication slot and the topic catalogue appear a moment after start
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> response = get("/actuator/health/readiness");
            assertThat(response.statusCode()).as("readiness: %s", response.body()).isEqualTo(200);
            assertThat(json(response).path("status").asString()).isEqualTo("UP");
        });
    }

    @Test
    protected void liveness_is_up() {
        HttpResponse<String> response = get("/actuator/health/liveness");
        assertThat(response.statusCode()).as("liveness: %s", response.body()).isEqualTo(200);
    }

    @Test
    protected void info_names_the_build_and_its_commit() {
        JsonNode info = json(get("/actuator/info"));
        assertThat(info.path("build").path("artifact").asString()).as("build info in %s", info).isNotBlank();
        assertThat(info.path("build").path("version").asString()).isNotBlank();
        if (getClass().getClassLoader().getResource("git.properties") != null) {
            assertThat(info.path("git").path("commit").path("id").asString()).as("git info in %s", info).isNotBlank();
        }
    }

    @Test
    protected void metrics_are_exposed_for_prometheus() {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"");
    }

    @Test
    protected void an_unknown_path_answers_problem_json_without_internals() {
        HttpResponse<String> response = get("/api/no-such-thing-" + System.nanoTime());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("code").asString()).isEqualTo("not-found");
        assertThat(problem.path("type").asString()).endsWith("/problems/not-found");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    protected HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
