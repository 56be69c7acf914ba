package dev.portal.identity;

import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.ReceivedEvent;
import dev.portal.platform.test.WithInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    /** The service over real HTTP (platform-test's client). */
    protected ApiClient api() {
        return ApiClient.on(port);
    }

    protected HttpResponse<String> post(String path, Object body) {
        return api().post(path, body);
    }

    protected HttpResponse<String> post(String path, Object body, String bearer) {
        return (bearer == null ? api() : api().withBearer(bearer)).post(path, body);
    }

    /** The first record on {@code topic} with this key and CloudEvents type, waiting up to a minute for the relay. */
    protected ConsumerRecord<String, byte[]> awaitEvent(String topic, String key, String type) {
        return awaitEvents(topic, key, type, 1).getFirst();
    }

    protected List<ConsumerRecord<String, byte[]>> awaitEvents(String topic, String key, String type, int count) {
        return EventProbe.fromBeginning().on(bootstrapServers).await(topic, key, type, count).stream()
                .map(ReceivedEvent::record).toList();
    }

    protected static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    /** A JSON POST as the gateway forwards it for the browser at {@code clientIp}. */
    protected HttpResponse<String> postFrom(String clientIp, String path, Object body) {
        return api().withHeader("X-Forwarded-For", clientIp).post(path, body);
    }

    protected HttpResponse<String> get(String path, String bearer) {
        return (bearer == null ? api() : api().withBearer(bearer)).get(path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        return api().send(request.timeout(Duration.ofSeconds(30)));
    }

    protected URI uri(String path) {
        return api().uri(path);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }

    /** A valid signup body for {@code customerNumber}. */
    protected static Map<String, Object> signup(String customerNumber, String email, String password) {
        return Map.of("customerNumber", customerNumber, "email", email, "password", password,
                "firstName", "Jiro", "lastName", "Kobayashi", "phone", "+81-90-1111-2222",
                "address", Map.of("address1", "1-2-3 Shibuya", "address2", "Room 101", "city", "Shibuya-ku",
                        "state", "Tokyo", "postcode", "150-0002", "country", "JP"));
    }

    protected static String problemCode(HttpResponse<String> response) {
        return ApiClient.problemCode(response);
    }
}
