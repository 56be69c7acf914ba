package dev.portal.order;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.WithInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * order-service over real HTTP against real PostgreSQL and Kafka, WHMCS and Salesforce served by the in-process
 * sandbox (reset before each test, the service's tables emptied), callers authenticated by tokens from
 * {@link TestTokens} whose JWKS is served over HTTP. Every order IT shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.clients.salesforce.http.read-timeout=5s", "portal.clients.salesforce.http.retry-backoff=10ms",
        "portal.clients.salesforce.http.breaker-open-for=1s",
        "portal.clients.whmcs.http.max-attempts=1", "portal.clients.whmcs.http.retry-backoff=10ms",
        "portal.clients.whmcs.http.breaker-open-for=1s",
        // an unanswered Salesforce create is settled within seconds, not the minute of production
        "portal.order.in-doubt-wait=5s",
        // a consumer failure is retried twice quickly, then dead-lettered
        "spring.cloud.stream.default.consumer.max-attempts=3", "spring.cloud.stream.default.consumer.back-off-initial-interval=100"})
@WithInfrastructure(kafka = true, postgres = true)
@Import(SalesforceFaults.class)
public abstract class OrderServiceTestBase {

    protected static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    protected static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        testEnvironment(registry);
    }

    /** WHMCS and Salesforce from the sandbox, its Portal Catalog, tokens from {@link #TOKENS}. */
    public static void testEnvironment(DynamicPropertyRegistry registry) {
        registry.add("portal.order.pricebook-id", () -> Pricebook.PORTAL_CATALOG);
        registry.add("portal.security.jwks-uri", () -> TOKENS.jwksUri().toString());
        registry.add("portal.clients.salesforce.base-url", () -> SANDBOX.baseUrl() + "/salesforce");
        registry.add("portal.clients.salesforce.client-id", () -> "sandbox-client");
        registry.add("portal.clients.salesforce.client-secret", () -> "sandbox-secret");
        registry.add("portal.clients.whmcs.base-url", () -> SANDBOX.baseUrl() + "/whmcs");
        registry.add("portal.clients.whmcs.identifier", () -> "sandbox-identifier");
        registry.add("portal.clients.whmcs.secret", () -> "sandbox-secret");
    }

    @LocalServerPort protected int port;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected SalesforceFaults salesforceFaults;
    @Autowired protected SalesforceClient salesforce;

    @BeforeEach
    void freshState() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
        salesforceFaults.clear();
        jdbc.sql("truncate order_steps, order_items, orders, checkouts, inbox, outbox cascade").update();
    }

    /** A client of the service calling as {@code customer}. */
    protected ApiClient as(Customers customer) {
        return ApiClient.on(port).withBearer(customer.token(TOKENS));
    }

    /** {@code POST /api/orders} as {@code customer} with a fresh Idempotency-Key. */
    protected HttpResponse<String> order(Customers customer, Map<String, Object> body) {
        return order(customer, UUID.randomUUID().toString(), body);
    }

    protected HttpResponse<String> order(Customers customer, String idempotencyKey, Object body) {
        return as(customer).withHeader("Idempotency-Key", idempotencyKey).post("/api/orders", body);
    }

    /** A checkout body: pairs of price book entry and quantity. */
    protected static Map<String, Object> items(Object... entryAndQuantity) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < entryAndQuantity.length; i += 2) {
            items.add(Map.of("pricebookEntryId", entryAndQuantity[i], "quantity", entryAndQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        return body;
    }

    protected static Map<String, Object> withNote(Map<String, Object> body, String note) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("note", note);
        return copy;
    }

    /** The Salesforce Orders of an account, as the sandbox holds them (SOQL through the service's own client). */
    protected List<JsonNode> salesforceOrdersOf(String accountId) {
        return salesforce.queryTrees("SELECT Id, Status, OrderReferenceNumber, Description, BillingStreet, BillingCity, "
                + "BillingPostalCode, BillingCountry FROM Order WHERE AccountId = '" + accountId + "' ORDER BY CreatedDate");
    }

    /** The items of a Salesforce Order. */
    protected List<JsonNode> salesforceItemsOf(String orderId) {
        return salesforce.queryTrees("SELECT Id, PricebookEntryId, Quantity, UnitPrice FROM OrderItem WHERE OrderId = '" + orderId + "'");
    }
}
