package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests reach the service that owns their path, with a request id passed along; a service that is down is a
 * 503 problem, not a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingIT {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final HttpServer CATALOG = upstream("catalog");
    static final int DEAD_PORT = freePort();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("PORTAL_CATALOG_URL", () -> "http://localhost:" + CATALOG.getAddress().getPort());
        registry.add("PORTAL_CASE_URL", () -> "http://localhost:" + DEAD_PORT);
    }

    @AfterAll
    static void stop() {
        CATALOG.stop(0);
    }

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_request_reaches_the_service_owning_its_path_with_a_request_id() throws Exception {
        HttpResponse<String> response = get("/api/catalog/products/42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("catalog");
        assertThat(SEEN).anySatisfy(seen -> assertThat(seen).startsWith("/api/catalog/products/42 request-id="));
        assertThat(response.headers().allValues("X-Request-Id")).as("one request id, not the service's echo too").hasSize(1);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(SEEN).contains("/api/catalog/products/42 request-id=" + requestId);
    }

    @Test
    void a_service_that_is_down_answers_503_problem() throws Exception {
        HttpResponse<String> response = get("/api/cases");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonMapper.builder().build().readTree(response.body()).path("code").asString()).isEqualTo("upstream-unavailable");
        assertThat(response.body()).doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer upstream(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                SEEN.add(exchange.getRequestURI().getPath() + " request-id=" + exchange.getRequestHeaders().getFirst("X-Request-Id"));
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Request-Id", exchange.getRequestHeaders().getFirst("X-Request-Id"));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
