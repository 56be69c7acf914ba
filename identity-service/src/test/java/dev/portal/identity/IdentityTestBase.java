package dev.portal.identity;

import static org.awaitility.Awaitility.await;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.ReceivedEvent;
import dev.portal.platform.test.WithInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
                "portal.saga.monitor-interval=200ms",
                // a second presentation of a used refresh token within this is a second tab, after it a stolen copy
                "portal.identity.refresh-reuse-grace=" + IdentityTestBase.REUSE_GRACE_SECONDS + "s"})
@WithInfrastructure(kafka = true, postgres = true)
public abstract class IdentityTestBase {

    protected static final int REUSE_GRACE_SECONDS = 2;
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
    @Autowired protected SalesforceClient salesforceClient;
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
        jdbc.sql("delete from ownership_codes").update();
        jdbc.sql("delete from signup_submissions").update();
        jdbc.sql("delete from email_changes").update();
        jdbc.sql("delete from saga_instances").update(); // its step log goes with it
        jdbc.sql("delete from id_mappings").update();
        jdbc.sql("delete from users").update();
    }

    /** Waits out the refresh-reuse grace: a used token presented after it is a stolen copy, not a second tab. */
    protected static void afterTheReuseGrace() {
        await().pollDelay(Duration.ofSeconds(REUSE_GRACE_SECONDS).plusMillis(300)).atMost(Duration.ofSeconds(REUSE_GRACE_SECONDS + 5))
                .until(() -> true);
    }

    /** The value the answer's {@code Set-Cookie} gives {@code name}. */
    protected static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
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

    /** The ownership code {@link #givenOwnershipCode} stores and {@link #signup} sends. */
    protected static final String OWNERSHIP_CODE = "24681357";

    /**
     * The state a mailed ownership code leaves: {@link #OWNERSHIP_CODE} for the customer number's Account, sent to
     * {@code sentTo} (the contact email on file), valid for half an hour.
     */
    protected void givenOwnershipCode(String customerNumber, String sentTo) {
        String accountId = salesforceClient.queryTrees("SELECT Id FROM Account WHERE SF_Account_No__c = '" + customerNumber + "'")
                .getFirst().path("Id").asString();
        Instant now = Instant.now();
        jdbc.sql("insert into ownership_codes (customer_number, sf_account_id, sent_to, code_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(customerNumber, accountId, sentTo, sha256(customerNumber + "\n" + OWNERSHIP_CODE), Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofMinutes(30))))
                .update();
    }

    protected static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails the sandbox's SMTP sink holds for {@code to}, oldest first. */
    protected static JsonNode mails(String to) {
        return JSON.readTree(SANDBOX.admin("GET", "/sandbox/admin/smtp/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8), null));
    }

    /** The newest mail to {@code to} whose subject is {@code subject}, waiting up to a minute for the outbox and Kafka. */
    protected static JsonNode awaitMail(String to, String subject) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode all = mails(to);
            for (int i = all.size() - 1; i >= 0; i--) {
                if (subject.equals(all.get(i).path("subject").asString())) {
                    found[0] = all.get(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** A valid signup body for {@code customerNumber}, with {@link #OWNERSHIP_CODE}. */
    protected static Map<String, Object> signup(String customerNumber, String email, String password) {
        return Map.of("customerNumber", customerNumber, "ownershipCode", OWNERSHIP_CODE, "email", email, "password", password,
                "firstName", "Jiro", "lastName", "Kobayashi", "phone", "+81-90-1111-2222",
                "address", Map.of("address1", "1-2-3 Shibuya", "address2", "Room 101", "city", "Shibuya-ku",
                        "state", "Tokyo", "postcode", "150-0002", "country", "JP"));
    }

    protected static String problemCode(HttpResponse<String> response) {
        return ApiClient.problemCode(response);
    }
}
