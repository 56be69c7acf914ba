package dev.portal.identity;

import dev.portal.platform.test.WithInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service over real HTTP against real PostgreSQL and Kafka, with WHMCS and Salesforce served by the
 * in-process sandbox (reset before each test, with the service's tables emptied so tests do not see each other).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.identity.cookie-secure=false",
                "portal.identity.password-reset-url=https://portal.example/reset-password",
                "portal.clients.whmcs.http.retry-backoff=10ms", "portal.clients.salesforce.http.retry-backoff=10ms",
                // the tests of one context share each client: their deliberate faults must not add up to an open breaker
                "portal.clients.whmcs.http.breaker-window=200", "portal.clients.salesforce.http.breaker-window=200",
                // the saga leader retries within a test's patience: 3 Salesforce attempts 100 ms and 200 ms apart
                "portal.identity.salesforce-link-attempts=3", "portal.saga.first-backoff=100ms", "portal.saga.max-backoff=400ms",
                "portal.saga.jitter=0", "portal.saga.poll-interval=100ms", "portal.saga.leader-check-interval=200ms",
                "portal.saga.monitor-interval=200ms"})
@WithInfrastructure(kafka = true, postgres = true)
public abstract class IdentityTestBase {

    protected static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected static final String SANDBOX_PASSWORD = "Sandbox-Pass-1";

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        sandboxClients(registry);
    }

    /** Points the WHMCS and Salesforce clients at the in-process sandbox. */
    public static void sandboxClients(DynamicPropertyRegistry registry) {
        registry.add("portal.clients.whmcs.base-url", () -> SANDBOX.baseUrl() + "/whmcs");
        registry.add("portal.clients.whmcs.identifier", () -> "sandbox-identifier");
        registry.add("portal.clients.whmcs.secret", () -> "sandbox-secret");
        registry.add("portal.clients.salesforce.base-url", () -> SANDBOX.baseUrl() + "/salesforce");
        registry.add("portal.clients.salesforce.client-id", () -> "sandbox-client");
        registry.add("portal.clients.salesforce.client-secret", () -> "sandbox-secret");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SANDBOX.property("sandbox.smtp.bound-port"));
    }

    @LocalServerPort protected int port;
    @Autowired protected JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}") protected String bootstrapServers;

    @BeforeEach
    void freshState() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
        jdbc.sql("delete from profile_cache").update();
        jdbc.sql("delete from refresh_tokens").update();
        jdbc.sql("delete from password_reset_tokens").update();
        jdbc.sql("delete from rate_limit_hits").update();
        jdbc.sql("delete from rate_limit_keys").update();
        jdbc.sql("delete from saga_instances").update(); // its step log goes with it
        jdbc.sql("delete from id_mappings").update();
        jdbc.sql("delete from users").update();
    }

    protected HttpResponse<String> post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    protected HttpResponse<String> post(String path, Object body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** The first record on {@code topic} with this key and CloudEvents type, waiting up to a minute for the relay. */
    protected ConsumerRecord<String, byte[]> awaitEvent(String topic, String key, String type) {
        return awaitEvents(topic, key, type, 1).getFirst();
    }

    protected List<ConsumerRecord<String, byte[]>> awaitEvents(String topic, String key, String type, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Header header = record.headers().lastHeader("ce_type");
                    if (key.equals(record.key()) && header != null
                            && type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    protected static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    /** A JSON POST as the gateway forwards it for the browser at {@code clientIp}. */
    protected HttpResponse<String> postFrom(String clientIp, String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    protected HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A valid signup body for {@code customerNumber}. */
    protected static Map<String, Object> signup(String customerNumber, String email, String password) {
        return Map.of("customerNumber", customerNumber, "email", email, "password", password,
                "firstName", "Jiro", "lastName", "Kobayashi", "phone", "+81-90-1111-2222",
                "address", Map.of("address1", "1-2-3 Shibuya", "address2", "Room 101", "city", "Shibuya-ku",
                        "state", "Tokyo", "postcode", "150-0002", "country", "JP"));
    }

    protected static String problemCode(HttpResponse<String> response) {
        return json(response).path("code").asString();
    }
}
