package dev.portal.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What every service of the suite shows from the outside, checked over real HTTP. A service's test extends
 * this class and adds {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} (and {@link WithInfrastructure}
 * when it needs Kafka or PostgreSQL). Its inside is checked by the sibling {@link ArchitectureConventions}.
 */
public abstract class ServiceConventions {

    @LocalServerPort
    protected int port;

    /** Where the actuator answers: the management port when the service has one of its own, else its port. */
    @Value("${local.management.port:${local.server.port}}")
    protected int managementPort;

    @Test
    protected void readiness_is_up_when_its_dependencies_answer() {
        // the outbox's replication slot and the topic catalogue appear a moment after start
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> response = management("/actuator/health/readiness");
            assertThat(response.statusCode()).as("readiness: %s", response.body()).isEqualTo(200);
            assertThat(json(response).path("status").asString()).isEqualTo("UP");
        });
    }

    @Test
    protected void liveness_is_up() {
        HttpResponse<String> response = management("/actuator/health/liveness");
        assertThat(response.statusCode()).as("liveness: %s", response.body()).isEqualTo(200);
    }

    @Test
    protected void info_names_the_build_and_its_commit() {
        JsonNode info = json(management("/actuator/info"));
        assertThat(info.path("build").path("artifact").asString()).as("build info in %s", info).isNotBlank();
        assertThat(info.path("build").path("version").asString()).isNotBlank();
        if (getClass().getClassLoader().getResource("git.properties") != null) {
            assertThat(info.path("git").path("commit").path("id").asString()).as("git info in %s", info).isNotBlank();
        }
    }

    @Test
    protected void metrics_are_exposed_for_prometheus() {
        HttpResponse<String> response = management("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"");
    }

    @Test
    protected void an_unknown_path_answers_problem_json_without_internals() {
        HttpResponse<String> response = get("/api/no-such-thing-" + System.nanoTime());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.problemCode(response)).isEqualTo("not-found");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).endsWith("/problems/not-found");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** A client of this service without credentials. */
    public ApiClient api() {
        return ApiClient.on(port);
    }

    protected HttpResponse<String> management(String path) {
        return ApiClient.on(managementPort).withTimeout(Duration.ofSeconds(10)).get(path);
    }

    protected HttpResponse<String> get(String path) {
        return api().withTimeout(Duration.ofSeconds(10)).get(path);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }
}
