package dev.portal.sim;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.WithInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sim-service over real HTTP against real PostgreSQL and Kafka, WHMCS, Freebit and the SFTP drop served by the
 * in-process sandbox (reset before each test, the service's tables emptied), callers authenticated by tokens from
 * {@link TestTokens}. The service's clock follows the Freebit simulator's, so a test moves time for both with
 * {@link #advance(Duration)}. The customers are the sandbox's: Hanako (WHMCS client 1, SIM 2 = {@code 09012345678},
 * voice, physical) and Aiko (client 3, SIM 3 = {@code 08011112222} data only, SIM 4 = {@code 07033334444} eSIM, 5G).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(kafka = true, postgres = true)
public abstract class SimTestBase {

    protected static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    protected static final TestTokens TOKENS = TestTokens.start();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    protected static final UUID HANAKO = UUID.fromString("00000000-0000-4000-8000-000000000001");
    protected static final UUID AIKO = UUID.fromString("00000000-0000-4000-8000-000000000003");
    protected static final UUID TARO = UUID.fromString("00000000-0000-4000-8000-000000000002");
    /** A portal user whose account is not linked to a WHMCS client (no client id in the token). */
    protected static final UUID UNLINKED = UUID.fromString("00000000-0000-4000-8000-0000000000ff");
    protected static final long HANAKO_SIM = 2;
    protected static final long AIKO_DATA_SIM = 3;
    protected static final long AIKO_ESIM = 4;
    private static final Map<UUID, Integer> CLIENTS = Map.of(HANAKO, 1, AIKO, 3, TARO, 2);

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        testEnvironment().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Every setting that points the service at the sandbox and makes its timing fit a test. */
    protected static Map<String, String> testEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        String sandbox = SANDBOX.baseUrl().toString();
        env.put("portal.clients.whmcs.base-url", sandbox + "/whmcs");
        env.put("portal.clients.whmcs.identifier", "sandbox-identifier");
        env.put("portal.clients.whmcs.secret", "sandbox-secret");
        env.put("portal.clients.freebit.base-url", sandbox + "/freebit/emptool/api");
        env.put("portal.clients.freebit.oem-id", "sandbox-oem");
        env.put("portal.clients.freebit.oem-key", "sandbox-key");
        env.put("portal.clients.freebit.http.max-attempts", "1");
        env.put("portal.clients.freebit.http.read-timeout", "3s");
        env.put("portal.clients.freebit.http.breaker-open-for", "1s");
        env.put("portal.clients.sftp.host", "127.0.0.1");
        env.put("portal.clients.sftp.port", SANDBOX.property("sandbox.sftp.bound-port"));
        env.put("portal.clients.sftp.username", "mvno");
        env.put("portal.clients.sftp.password", "mvno");
        env.put("portal.clients.sftp.host-key-fingerprint",
                JSON.readTree(SANDBOX.admin("GET", "/sandbox/admin/sftp/host-key", null)).path("fingerprint").asString());
        env.put("portal.security.jwks-uri", TOKENS.jwksUri().toString());
        env.put("portal.sim.clock.follow-url", sandbox + "/sandbox/admin/freebit/clock");
        env.put("portal.sim.scheduler.polling-interval", "200ms");
        env.put("portal.sim.scheduler.heartbeat", "500ms");
        env.put("portal.sim.operations.check-interval", "1s");
        env.put("portal.sim.operations.reconcile-delay", "1s");
        env.put("portal.sim.records.import-enabled", "false");
        // small batches, so that a test sees an import die between two; the benchmark sets its own
        env.put("portal.sim.records.batch-size", System.getProperty("bench.batch", "50"));
        return env;
    }

    @LocalServerPort protected int port;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected Scheduler scheduler;
    @Autowired protected Environment environment;
    @Autowired protected java.time.Clock clock;
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @BeforeEach
    void freshState() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
        // the reset puts the simulator's clock back to real time; the service's clock never runs backwards, so the
        // simulator is set to the service's time (plus a second, so that the service follows it again)
        setClock(clock.instant().plusSeconds(1));
        jdbc.sql("truncate sim_operations, sim_lines, scheduled_tasks, cdr_files, call_records, sms_records, cdr_quarantine, outbox")
                .update();
        scheduler.resume();
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
        replicas.clear();
        scheduler.resume();
    }

    /**
     * Another instance of the service on the same database and broker (a second replica, or this one restarted),
     * stopped after the test unless the test stops it first.
     */
    protected ConfigurableApplicationContext replica(String... extra) {
        Map<String, String> settings = testEnvironment();
        for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers")) {
            settings.put(name, environment.getProperty(name));
        }
        settings.put("server.port", "0");
        for (String arg : extra) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SimServiceApplication.class).run(args.toArray(String[]::new));
        replicas.add(context);
        return context;
    }

    protected static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    // ---- time ----

    /** Today in Japan on the service's (and the simulator's) clock. */
    protected LocalDate today() {
        return LocalDate.now(clock.withZone(JAPAN));
    }

    /** Moves the Freebit simulator's clock, and so the service's, forward. */
    protected static void advance(Duration by) {
        SANDBOX.admin("POST", "/sandbox/admin/freebit/clock/advance", "{\"minutes\":" + by.toMinutes() + "}");
    }

    /** Sets the simulator's clock (and the service's). */
    protected static void setClock(Instant now) {
        SANDBOX.admin("PUT", "/sandbox/admin/freebit/clock", "{\"now\":\"" + now + "\"}");
    }

    protected static JsonNode freebitLine(String msisdn) {
        return JSON.readTree(SANDBOX.admin("GET", "/sandbox/admin/freebit/lines/" + msisdn, null));
    }

    // ---- HTTP ----

    protected HttpResponse<String> get(String path, UUID user) {
        return send(port, request(port, path, user).GET());
    }

    protected HttpResponse<String> post(String path, UUID user, Object body) {
        return post(port, path, user, body);
    }

    protected HttpResponse<String> post(int port, String path, UUID user, Object body) {
        return send(port, request(port, path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    protected HttpResponse<String> put(String path, UUID user, Object body) {
        return put(port, path, user, body);
    }

    protected HttpResponse<String> put(int port, String path, UUID user, Object body) {
        return send(port, request(port, path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    protected HttpResponse<String> delete(String path, UUID user) {
        return send(port, request(port, path, user).DELETE());
    }

    /** A token for {@code user} linked to its sandbox WHMCS client; {@code user} null: no Authorization header. */
    private HttpRequest.Builder request(int port, String path, UUID user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            Integer client = CLIENTS.get(user);
            request.header("Authorization", "Bearer " + TOKENS.token(user.toString(), claims -> claims.claim("whmcs_client_id", client)));
            // an unknown user gets no client id at all: claim(name, null) removes the claim
        }
        return request;
    }

    private static HttpResponse<String> send(int port, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String problemCode(HttpResponse<String> response) {
        return json(response).path("code").asString();
    }

    // ---- operations ----

    protected JsonNode operation(long simId, UUID user, String operationId) {
        HttpResponse<String> history = get("/api/sims/" + simId + "/operations", user);
        for (JsonNode op : json(history)) {
            if (op.path("id").asString().equals(operationId)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + operationId + " in " + history.body());
    }

    protected String status(long simId, UUID user, String operationId) {
        return operation(simId, user, operationId).path("status").asString();
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
