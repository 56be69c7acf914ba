package dev.portal.e2e;

import static dev.portal.e2e.AccountsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Ordering through the gateway: Aiko (bank account, two SIMs, no Internet) orders a SIM plan from the catalogue with
 * an Idempotency-Key, sees it in her list and in detail, and a repeat of the request gives the same order; the operator
 * approves it in Salesforce and the fulfillment saga takes it to "Activated" exactly once.
 */
@Order(4)
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderingIT {

    private static final String SIM_PLAN = "SIM-VOICE-20GB";
    private static final Sandbox SANDBOX = new Sandbox();
    private Browser aiko;
    private String orderId;

    @Test
    @Order(1)
    void a_customer_orders_a_sim_plan_and_sees_it_listed() {
        aiko = Browser.bearer(Customers.aiko());
        String entry = pricebookEntry(aiko.get("/api/catalog"), SIM_PLAN);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("items", List.of(Map.of("pricebookEntryId", entry, "quantity", 1)),
                "note", "Please send the SIM to my home address");

        Browser.Response placed = aiko.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        orderId = placed.json().path("id").asString();
        assertThat(placed.json().path("status").asString()).isEqualTo("Pending Review");
        assertThat(placed.json().path("items").get(0).path("code").asString()).isEqualTo(SIM_PLAN);
        Browser.Response list = aiko.get("/api/orders");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("orders").get(0).path("id").asString()).as("newest first").isEqualTo(orderId);
        JsonNode shown = aiko.get("/api/orders/" + orderId).json();
        assertThat(shown.path("items").get(0).path("name").asString()).isEqualTo("SIM Data+Voice 20GB");
        assertThat(shown.path("total").path("amount").asInt()).isEqualTo(2980);

        Browser.Response repeated = aiko.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(201);
        assertThat(repeated.json().path("id").asString()).isEqualTo(orderId);
        assertThat(repeated.header("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    @Order(2)
    void another_customer_cannot_see_the_order_and_an_order_without_a_key_is_refused() {
        Browser jiro = Browser.bearer(Customers.jiro());

        assertProblem(jiro.get("/api/orders/" + orderId), 404, "order-not-found");
        assertThat(jiro.get("/api/orders").json().path("orders").valueStream().map(o -> o.path("id").asString()))
                .doesNotContain(orderId);
        assertProblem(aiko.post("/api/orders", Map.of("items", List.of(Map.of("pricebookEntryId",
                pricebookEntry(aiko.get("/api/catalog"), SIM_PLAN), "quantity", 1)))), 400, "idempotency-key-missing");
    }

    /**
     * The operator approves the order in Salesforce and assigns the new line's number; the CDC change starts the
     * fulfillment saga, which runs every step to "Activated". WHMCS then holds exactly one order for it, Salesforce
     * shows that WHMCS order, and the customer's order detail shows every step of the timeline.
     */
    @Test
    @Order(3)
    void the_approved_order_is_fulfilled_once_and_its_timeline_shows_every_step() {
        int whmcsOrdersBefore = portalOrdersInWhmcs().size();

        // Freebit's line activation takes minutes (5 in the sandbox); the saga's polling is what is under test here
        long activationMs = SANDBOX.admin("GET", "/freebit/activations", null).path("durationMs").asLong();
        SANDBOX.admin("PUT", "/freebit/activations", "{\"durationMs\":5000}");
        JsonNode order;
        try {
            SANDBOX.patchSalesforceRecord("Order", orderId,
                    "{\"Status\":\"Approved\",\"MSISDN__c\":\"07055556666\",\"SIM_Type__c\":\"Physical\"}");

            order = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(
                    () -> aiko.get("/api/orders/" + orderId).json(),
                    shown -> "ACTIVATED".equals(shown.path("activationStatus").asString()));
        } finally {
            SANDBOX.admin("PUT", "/freebit/activations", "{\"durationMs\":" + activationMs + "}");
        }
        List<String> steps = order.path("timeline").valueStream()
                .filter(entry -> "SUCCEEDED".equals(entry.path("status").asString()))
                .map(entry -> entry.path("step").asString()).toList();
        assertThat(steps).as("timeline %s", order.path("timeline"))
                .containsSubsequence("mark-activating", "map-products", "create-whmcs-order", "activate-sim", "mark-activated");

        JsonNode salesforce = SANDBOX.salesforceRecord("Order", orderId);
        assertThat(salesforce.path("Activation_Status__c").asString()).isEqualTo("Activated");
        String whmcsOrderId = salesforce.path("WHMCS_Order_ID__c").asString();
        assertThat(whmcsOrderId).isNotBlank();
        List<JsonNode> created = portalOrdersInWhmcs();
        assertThat(created).as("WHMCS orders of client 3").hasSize(whmcsOrdersBefore + 1);
        assertThat(created.stream().map(o -> o.path("id").asString())).contains(whmcsOrderId);
    }

    private static List<JsonNode> portalOrdersInWhmcs() {
        return SANDBOX.whmcs("GetOrders", "userid=3&limitnum=250").path("orders").path("order").valueStream().toList();
    }

    private static String pricebookEntry(Browser.Response catalog, String code) {
        assertThat(catalog.status()).as(catalog.toString()).isEqualTo(200);
        return catalog.json().path("products").valueStream().filter(p -> p.path("code").asString().equals(code)).findFirst()
                .map(p -> p.path("pricebookEntryId").asString())
                .orElseThrow(() -> new AssertionError(code + " not in " + catalog));
    }
}
