package dev.portal.sandbox.stripe;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Raw HTTP to the simulator the way Stripe's docs show it ({@code curl -u sk_test_…: -d items[0][price]=…}):
 * form bodies with bracket notation, no SDK. The sandbox runs with short webhook retries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.stripe.webhook-backoff=50ms", "sandbox.stripe.webhook-max-attempts=3", "sandbox.stripe.webhook-timeout=2s"})
abstract class StripeHttp {

    static final String KEY = "sk_test_sandbox";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    StripeState state;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void seed() {
        state.reset();
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).header("Authorization", "Bearer " + KEY).GET());
    }

    Answer post(String path, String form) {
        return send(form(path, form).header("Authorization", "Bearer " + KEY));
    }

    Answer post(String path, String form, String idempotencyKey) {
        return send(form(path, form).header("Authorization", "Bearer " + KEY).header("Idempotency-Key", idempotencyKey));
    }

    Answer delete(String path) {
        return send(request(path).header("Authorization", "Bearer " + KEY).DELETE());
    }

    Answer admin(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(builder);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe" + pathAndQuery.replace("[", "%5B").replace("]", "%5D"))).timeout(Duration.ofSeconds(10));
    }

    HttpRequest.Builder form(String path, String form) {
        return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
