package dev.portal.billing.dashboard;

import static dev.portal.billing.dashboard.PeerAnswers.cases;
import static dev.portal.billing.dashboard.PeerAnswers.openCase;
import static dev.portal.billing.dashboard.PeerAnswers.order;
import static dev.portal.billing.dashboard.PeerAnswers.orders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.FixtureServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/dashboard}: recent orders (order-service), unpaid invoices and active services (WHMCS), open cases
 * (case-service), asked in parallel; a source that fails or is late is marked unavailable and the answer is still 200.
 */
class DashboardIT extends BillingTestBase {

    @Test
    void all_four_sections_come_together_for_the_caller() {
        Instant now = clock.instant();
        ORDERS.on("GET", "/api/orders", orders(1, 3, List.of(order("801Sb0000000003AAA", "Activated", now.minus(Duration.ofDays(1))),
                order("801Sb0000000002AAA", "Draft", now.minus(Duration.ofDays(29))),
                order("801Sb0000000001AAA", "Activated", now.minus(Duration.ofDays(31))))));
        CASES.on("GET", "/api/cases", cases(1, List.of(openCase("500Sb0000000007AAA", "00001007", "SIM not activating"))));

        JsonNode dashboard = ok(aiko().get("/api/dashboard"));

        JsonNode recent = dashboard.path("recentOrders");
        assertThat(recent.path("available").asBoolean()).isTrue();
        assertThat(recent.path("days").asInt()).isEqualTo(30);
        assertThat(recent.path("items").valueStream().map(o -> o.path("id").asString()).toList())
                .as("the 31-day-old order is not recent").containsExactly("801Sb0000000003AAA", "801Sb0000000002AAA");
        JsonNode unpaid = dashboard.path("unpaidInvoices");
        assertThat(unpaid.path("count").asInt()).isEqualTo(1);
        assertThat(unpaid.path("total").path("amount").decimalValue()).isEqualByComparingTo("3970");
        assertThat(unpaid.path("overdueCount").asInt()).isEqualTo(1);
        assertThat(unpaid.path("overdueTotal").path("amount").decimalValue()).isEqualByComparingTo("3970");
        JsonNode services = dashboard.path("activeServices");
        assertThat(services.path("count").asInt()).isEqualTo(2);
        assertThat(services.path("items").valueStream().allMatch(s -> s.path("sim").asBoolean())).isTrue();
        JsonNode open = dashboard.path("openCases");
        assertThat(open.path("count").asInt()).isEqualTo(1);
        assertThat(open.path("items").get(0).path("subject").asString()).isEqualTo("SIM not activating");
    }

    @Test
    void the_callers_own_token_is_relayed_and_cases_are_asked_for_open_ones() {
        ORDERS.on("GET", "/api/orders", orders(1, 0, List.of()));
        CASES.on("GET", "/api/cases", cases(0, List.of()));

        String token = token(AIKO, AIKO_ACCOUNT);

        ok(ApiClient.on(port).withBearer(token).get("/api/dashboard"));

        FixtureServer.Recorded toOrders = ORDERS.requests().getFirst();
        FixtureServer.Recorded toCases = CASES.requests().getFirst();
        assertThat(toOrders.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(toCases.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(toCases.query()).contains("status=open");
        assertThat(toOrders.query()).contains("page=1");
        assertThat(toOrders.header("traceparent")).as("the request's trace goes along").isNotBlank();
    }

    @Test
    void with_whmcs_failing_the_invoice_and_service_sections_are_unavailable_and_the_others_served() {
        ORDERS.on("GET", "/api/orders", orders(1, 0, List.of()));
        CASES.on("GET", "/api/cases", cases(0, List.of()));
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503}");

        JsonNode dashboard = ok(aiko().get("/api/dashboard"));

        assertUnavailable(dashboard.path("unpaidInvoices"), "failed");
        assertUnavailable(dashboard.path("activeServices"), "failed");
        assertThat(dashboard.path("recentOrders").path("available").asBoolean()).isTrue();
        assertThat(dashboard.path("openCases").path("available").asBoolean()).isTrue();
    }

    @Test
    void cached_invoices_still_show_while_whmcs_is_down() {
        ORDERS.on("GET", "/api/orders", orders(1, 0, List.of()));
        CASES.on("GET", "/api/cases", cases(0, List.of()));
        ok(aiko().get("/api/dashboard"));
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503}");

        JsonNode dashboard = ok(aiko().get("/api/dashboard"));

        assertThat(dashboard.path("unpaidInvoices").path("count").asInt()).isEqualTo(1);
        assertUnavailable(dashboard.path("activeServices"), "failed");
    }

    @Test
    void a_slow_source_is_cut_off_at_its_timeout_and_the_rest_is_answered() {
        ORDERS.on("GET", "/api/orders", FixtureServer.delayed(Duration.ofSeconds(8), orders(1, 0, List.of())));
        CASES.on("GET", "/api/cases", cases(0, List.of()));

        long started = System.nanoTime();
        JsonNode dashboard = ok(aiko().get("/api/dashboard"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertUnavailable(dashboard.path("recentOrders"), "timeout");
        assertThat(dashboard.path("unpaidInvoices").path("available").asBoolean()).isTrue();
        assertThat(dashboard.path("openCases").path("available").asBoolean()).isTrue();
        assertThat(took).as("cut off at the 3 s source timeout, not after the 8 s answer").isLessThan(Duration.ofSeconds(7));
    }

    @Test
    void a_source_that_answers_with_an_error_or_an_unknown_shape_is_marked_failed() {
        ORDERS.on("GET", "/api/orders", FixtureServer.json(200, "{\"items\":[],\"page\":1,\"size\":50,\"total\":0}"));
        CASES.on("GET", "/api/cases", FixtureServer.json(500, "{\"code\":\"internal-error\"}"));

        JsonNode dashboard = ok(aiko().get("/api/dashboard"));

        assertUnavailable(dashboard.path("recentOrders"), "failed");
        assertUnavailable(dashboard.path("openCases"), "failed");
        assertThat(dashboard.path("activeServices").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void recent_orders_are_counted_across_pages_up_to_the_cutoff_and_listed_up_to_the_section_limit() {
        Instant now = clock.instant();
        ORDERS.on("GET", "/api/orders",
                orders(1, 60, PeerAnswers.ordersPlacedEvery(now, 50, Duration.ofHours(12))),
                orders(2, 60, PeerAnswers.ordersPlacedEvery(now.minus(Duration.ofDays(25)), 10, Duration.ofDays(1))));
        CASES.on("GET", "/api/cases", cases(0, List.of()));

        JsonNode recent = ok(aiko().get("/api/dashboard")).path("recentOrders");

        // page 1: 50 orders within 25 days; page 2: 25 to 30 days ago are recent (6), older ones are not
        assertThat(recent.path("count").asInt()).isEqualTo(56);
        assertThat(recent.path("items")).hasSize(10);
        assertThat(ORDERS.requests()).hasSize(2);
    }

    @Test
    void a_caller_without_a_billing_account_gets_account_not_linked() {
        assertProblem(unlinked().get("/api/dashboard"), 409, "account-not-linked");
    }

    @Test
    void the_openapi_document_shows_the_dashboard_without_parameters_of_the_callers_token() {
        JsonNode operation = ok(ApiClient.on(port).get("/v3/api-docs")).path("paths").path("/api/dashboard").path("get");

        assertThat(operation.isMissingNode()).isFalse();
        assertThat(operation.path("parameters").isMissingNode() || operation.path("parameters").isEmpty()).as(operation.toString()).isTrue();
    }

    private static void assertUnavailable(JsonNode section, String reason) {
        assertThat(section.path("available").asBoolean()).as(section.toString()).isFalse();
        assertThat(section.path("reason").asString()).isEqualTo(reason);
        assertThat(section.has("count")).isFalse();
    }
}
