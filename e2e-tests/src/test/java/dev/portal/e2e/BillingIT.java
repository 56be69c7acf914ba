package dev.portal.e2e;

import static dev.portal.e2e.AccountsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Billing and the dashboard through the gateway with the sandbox's demo customers: Aiko's invoices listed and opened,
 * a payment link for her unpaid invoice (refused for a paid one and for another client's), her payment method and
 * services with the SIM lines marked, the dashboard with all four sections; and with WHMCS failing, the dashboard
 * still answering with its two WHMCS sections marked unavailable.
 */
@Order(7)
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingIT {

    /** Aiko's seeded overdue invoice, and one of Hanako's (docs/sandbox.md). */
    private static final long AIKOS_OVERDUE_INVOICE = 4;
    private static final long HANAKOS_INVOICE = 1;

    private final Sandbox sandbox = new Sandbox();
    private final HttpClient whmcsBrowser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Order(1)
    void invoices_are_listed_newest_first_and_opened_with_their_lines() {
        Browser aiko = Browser.bearer(Customers.aiko());

        JsonNode list = ok(aiko.get("/api/invoices"));
        JsonNode overdue = ok(aiko.get("/api/invoices?status=overdue"));
        JsonNode invoice = ok(aiko.get("/api/invoices/" + AIKOS_OVERDUE_INVOICE));

        assertThat(ids(list)).contains(AIKOS_OVERDUE_INVOICE).doesNotContain(HANAKOS_INVOICE);
        assertThat(ids(overdue)).contains(AIKOS_OVERDUE_INVOICE);
        assertThat(invoice.path("status").asString()).isEqualTo("unpaid");
        assertThat(invoice.path("overdue").asBoolean()).isTrue();
        assertThat(invoice.path("lines").valueStream().map(l -> l.path("description").asString()).toList())
                .anySatisfy(line -> assertThat(line).contains("SIM Data 3GB"));
        assertThat(invoice.path("total").path("amount").decimalValue()).isEqualByComparingTo("3970");
    }

    @Test
    @Order(2)
    void a_payment_link_for_an_unpaid_invoice_signs_aiko_into_its_payment_page() throws Exception {
        Browser aiko = Browser.bearer(Customers.aiko());

        Browser.Response answer = aiko.post("/api/invoices/" + AIKOS_OVERDUE_INVOICE + "/payment-link", null);

        JsonNode link = ok(answer);
        assertThat(answer.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        HttpResponse<String> redeemed = whmcsBrowser.send(HttpRequest.newBuilder(URI.create(link.path("url").asString()))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(302);
        URI whmcs = URI.create(link.path("url").asString()).resolve("/");
        assertThat(redeemed.headers().firstValue("Location")).hasValueSatisfying(page -> assertThat(page)
                .startsWith(whmcs.toString()).endsWith("/viewinvoice.php?id=" + AIKOS_OVERDUE_INVOICE));
    }

    @Test
    @Order(3)
    void a_paid_invoice_and_another_clients_invoice_get_no_payment_link() {
        Browser aiko = Browser.bearer(Customers.aiko());
        long paid = sandbox.admin("POST", "/whmcs/clients/3/invoices",
                "{\"description\":\"Handset instalment\",\"amount\":1200,\"status\":\"Paid\"}").path("invoiceid").asLong();

        assertProblem(aiko.post("/api/invoices/" + paid + "/payment-link", null), 409, "invoice-not-unpaid");
        assertProblem(aiko.post("/api/invoices/" + HANAKOS_INVOICE + "/payment-link", null), 404, "invoice-not-found");
        assertProblem(aiko.get("/api/invoices/" + HANAKOS_INVOICE), 404, "invoice-not-found");
    }

    @Test
    @Order(4)
    void payment_methods_and_services_with_the_sim_lines_marked() {
        Browser aiko = Browser.bearer(Customers.aiko());

        JsonNode methods = ok(aiko.get("/api/payment-methods")).path("items");
        JsonNode services = ok(aiko.get("/api/subscriptions")).path("items");

        assertThat(methods.valueStream().map(m -> m.path("type").asString()).toList()).contains("bank-account");
        assertThat(services.valueStream().filter(s -> s.path("sim").asBoolean()).map(s -> s.path("msisdn").asString()).toList())
                .contains("08011112222", "07033334444");
        assertThat(services.valueStream().map(s -> s.path("nextDueOn").asString()).toList()).allSatisfy(d -> assertThat(d).isNotBlank());
    }

    @Test
    @Order(5)
    void the_dashboard_shows_all_four_sections() {
        JsonNode dashboard = ok(Browser.bearer(Customers.aiko()).get("/api/dashboard"));

        for (String section : List.of("recentOrders", "unpaidInvoices", "activeServices", "openCases")) {
            assertThat(dashboard.path(section).path("available").asBoolean()).as(section + " in " + dashboard).isTrue();
        }
        assertThat(dashboard.path("unpaidInvoices").path("overdueCount").asInt()).isPositive();
        assertThat(dashboard.path("activeServices").path("count").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(6)
    void with_whmcs_failing_the_dashboard_still_answers_with_its_two_whmcs_sections_unavailable() {
        // Jiro's billing data was never read in this run, so nothing of his is in the cache to fall back on
        Browser jiro = Browser.bearer(Customers.jiro());
        sandbox.admin("PUT", "/faults/whmcs", "{\"failure\":\"status\",\"status\":503}");
        try {
            JsonNode dashboard = ok(jiro.get("/api/dashboard"));

            assertThat(dashboard.path("unpaidInvoices").path("available").asBoolean()).as(dashboard.toString()).isFalse();
            assertThat(dashboard.path("activeServices").path("available").asBoolean()).isFalse();
            assertThat(dashboard.path("recentOrders").path("available").asBoolean()).as(dashboard.toString()).isTrue();
            assertThat(dashboard.path("openCases").path("available").asBoolean()).isTrue();
        } finally {
            sandbox.admin("DELETE", "/faults/whmcs", null);
        }
        // and it recovers once WHMCS answers again (the WHMCS client's breaker may hold it off for a while)
        await("WHMCS sections back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(ok(jiro.get("/api/dashboard")).path("activeServices").path("available").asBoolean()).isTrue());
    }

    private static JsonNode ok(Browser.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("items").valueStream().map(i -> i.path("id").asLong()).toList();
    }
}
