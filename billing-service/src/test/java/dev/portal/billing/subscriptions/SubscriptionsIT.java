package dev.portal.billing.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The caller's WHMCS services, read only, with SIM lines marked and their numbers. */
class SubscriptionsIT extends BillingTestBase {

    @Test
    void services_show_status_product_and_next_due_date_with_sim_lines_marked() {
        JsonNode items = ok(hanako().get("/api/subscriptions")).path("items");

        assertThat(items.valueStream().map(s -> s.path("id").asLong()).toList()).containsExactlyInAnyOrder(1L, 2L);
        JsonNode fibre = item(items, 1);
        JsonNode sim = item(items, 2);
        assertThat(fibre.path("product").asString()).isEqualTo("Hikari FTTH 1G");
        assertThat(fibre.path("status").asString()).isEqualTo("active");
        assertThat(fibre.path("sim").asBoolean()).isFalse();
        assertThat(fibre.path("nextDueOn").asString()).isNotBlank();
        assertThat(sim.path("sim").asBoolean()).isTrue();
        assertThat(sim.path("msisdn").asString()).isEqualTo("09012345678");
        assertThat(sim.path("recurringAmount").path("amount").decimalValue()).isEqualByComparingTo("1980");
    }

    @Test
    void only_the_callers_services_are_listed() {
        JsonNode items = ok(aiko().get("/api/subscriptions")).path("items");

        assertThat(items.valueStream().map(s -> s.path("msisdn").asString()).toList())
                .containsExactlyInAnyOrder("08011112222", "07033334444");
    }

    @Test
    void a_status_filter_narrows_and_an_unknown_status_is_refused() {
        assertThat(ok(hanako().get("/api/subscriptions?status=suspended")).path("items")).isEmpty();
        assertThat(ok(hanako().get("/api/subscriptions?status=active")).path("items")).hasSize(2);

        assertProblem(hanako().get("/api/subscriptions?status=alive"), 400, "validation-failed");
    }

    private static JsonNode item(JsonNode items, long id) {
        return items.valueStream().filter(s -> s.path("id").asLong() == id).findFirst().orElseThrow(() -> new AssertionError(id + " in " + items));
    }
}
