package dev.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.FixtureServer;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * What billing's integration tests share: callers with tokens, WHMCS call counts, and a fresh start for each test
 * (the sandbox's seed, call counts at zero, empty caches, no fixture routes, the clock at now).
 */
@BillingTest
public abstract class BillingTestBase {

    protected static final EmbeddedSandbox SANDBOX = TestWorld.SANDBOX;
    protected static final FixtureServer ORDERS = TestWorld.ORDERS;
    protected static final FixtureServer CASES = TestWorld.CASES;

    /** Seeded WHMCS clients (docs/sandbox.md) and Salesforce Accounts as their tokens name them. */
    protected static final int HANAKO = 1;
    protected static final String HANAKO_ACCOUNT = "001Sb00000000001AAA";
    protected static final int AIKO = 3;
    protected static final String AIKO_ACCOUNT = "001Sb00000000003AAA";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void freshWorld() {
        SANDBOX.reset();
        ORDERS.clear();
        CASES.clear();
        clock.set(Instant.now());
        jdbc.sql("delete from cached_reads").update();
        jdbc.sql("delete from cache_evictions").update();
    }

    /** A caller linked to WHMCS client {@code clientId} and Salesforce Account {@code accountId}. */
    protected ApiClient as(int clientId, String accountId) {
        return ApiClient.on(port).withBearer(token(clientId, accountId));
    }

    protected static String token(int clientId, String accountId) {
        return TestWorld.TOKENS.token("user-of-client-" + clientId,
                claims -> claims.claim("whmcs_client_id", clientId).claim("sf_account_id", accountId));
    }

    protected ApiClient hanako() {
        return as(HANAKO, HANAKO_ACCOUNT);
    }

    protected ApiClient aiko() {
        return as(AIKO, AIKO_ACCOUNT);
    }

    /** A caller whose portal account has no WHMCS client. */
    protected ApiClient unlinked() {
        return ApiClient.on(port).withBearer(TestWorld.TOKENS.token("unlinked-user",
                claims -> claims.claim("whmcs_client_id", "").claim("sf_account_id", "")));
    }

    /** WHMCS API calls per action since the test began. */
    protected static Map<String, Long> whmcsCalls() {
        return ApiClient.jsonMapper().readValue(SANDBOX.admin("GET", "/sandbox/admin/whmcs/calls", null), new TypeReference<>() { });
    }

    protected static long whmcsCalls(String action) {
        return whmcsCalls().getOrDefault(action, 0L);
    }

    protected static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.problemCode(response)).isEqualTo(code);
    }
}
