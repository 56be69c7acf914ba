package dev.portal.cases;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.platform.test.ApiClient;
import dev.portal.sandbox.EmbeddedSandbox;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What every case IT shares: the one context ({@link CaseServiceContext}), a fresh sandbox and empty tables per test. */
@CaseServiceContext
public abstract class CaseServiceTestBase {

    protected static final EmbeddedSandbox SANDBOX = TestEnvironment.SANDBOX;

    @LocalServerPort protected int port;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected SalesforceClient salesforce;

    @BeforeEach
    void freshState() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
        jdbc.sql("truncate tracked_cases, account_users, outbox").update();
    }

    /** A client of the service calling as {@code customer}. */
    protected ApiClient as(Customers customer) {
        return ApiClient.on(port).withBearer(customer.token(TestEnvironment.TOKENS));
    }

    /** The SOQL statements the sandbox org received since the test began (its reset), oldest first. */
    protected static List<String> queriesReceived() {
        JsonNode received = ApiClient.jsonMapper().readTree(SANDBOX.admin("GET", "/sandbox/admin/salesforce/queries", null));
        return received.valueStream().map(JsonNode::asString).toList();
    }

    /** A Case as the sandbox org holds it (read through the service's own client). */
    protected JsonNode caseRecord(String caseId) {
        return salesforce.getTree("Case", caseId);
    }
}
