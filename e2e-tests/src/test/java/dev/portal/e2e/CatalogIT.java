package dev.portal.e2e;

import static dev.portal.e2e.AccountsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue through the gateway: the catalog of the portal price book, family plans only for customers with an active
 * SIM, and a price changed in Salesforce served fresh once its change event has crossed the bridge and Kafka.
 */
@Order(2)
@ExtendWith(SuiteExtension.class)
class CatalogIT {

    private static final String FAMILY_PLAN = "SIM-FAMILY-5GB";

    @Test
    void family_plans_are_shown_only_to_a_customer_with_an_active_sim() {
        List<String> aikos = codes(Browser.bearer(Customers.aiko()).get("/api/catalog"));
        List<String> jiros = codes(Browser.bearer(Customers.jiro()).get("/api/catalog"));

        assertThat(aikos).as("Aiko has two active SIMs").contains(FAMILY_PLAN, "FTTH-1G", "VPN").doesNotContain("ADSL-50M");
        assertThat(jiros).as("Jiro has no SIM").contains("FTTH-1G", "SIM-DATA-3GB").doesNotContain(FAMILY_PLAN, "ADSL-50M");
    }

    @Test
    void a_category_filters_and_an_unknown_category_is_refused() {
        Browser jiro = Browser.bearer(Customers.jiro());
        JsonNode internet = jiro.get("/api/catalog?category=internet").json();
        assertThat(internet.path("products").valueStream().map(p -> p.path("category").asString()).distinct().toList())
                .as(internet.toString()).containsExactly("internet");

        assertProblem(jiro.get("/api/catalog?category=television"), 400, "invalid-category");
        assertProblem(jiro.get("/api/catalog/products/01tSb0000000999IAA"), 404, "product-not-found");
    }

    @Test
    void a_price_changed_in_salesforce_is_served_fresh_through_the_gateway() {
        Browser aiko = Browser.bearer(Customers.aiko());
        JsonNode ftth = product(aiko.get("/api/catalog"), "FTTH-10G");
        String path = "/api/catalog/products/" + ftth.path("id").asString();
        int newPrice = ftth.path("price").path("amount").asInt() + 110;

        new Sandbox().patchSalesforceRecord("PricebookEntry", ftth.path("pricebookEntryId").asString(), "{\"UnitPrice\":" + newPrice + "}");

        await("the new price through the gateway").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Browser.Response product = aiko.get(path);
                    assertThat(product.json().path("price").path("amount").asInt()).as(product.toString()).isEqualTo(newPrice);
                });
    }

    private static List<String> codes(Browser.Response catalog) {
        assertThat(catalog.status()).as(catalog.toString()).isEqualTo(200);
        return catalog.json().path("products").valueStream().map(p -> p.path("code").asString()).toList();
    }

    private static JsonNode product(Browser.Response catalog, String code) {
        return catalog.json().path("products").valueStream().filter(p -> p.path("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + catalog));
    }
}
