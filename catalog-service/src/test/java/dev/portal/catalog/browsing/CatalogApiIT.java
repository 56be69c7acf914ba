package dev.portal.catalog.browsing;

import static dev.portal.catalog.CatalogFixture.SANDBOX;
import static dev.portal.catalog.CatalogFixture.json;
import static dev.portal.catalog.CatalogFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.catalog.CatalogFixture;
import dev.portal.catalog.snapshot.CatalogCache;
import dev.portal.platform.test.WithInfrastructure;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue API over real HTTP, loaded from the sandbox's Salesforce (portal price book) with WHMCS deciding
 * family-plan eligibility. Seed: Hanako (WHMCS 1) and Aiko (3) hold active SIMs, Taro (2) holds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"portal.catalog.sim-check-ttl=100ms", "portal.clients.whmcs.http.breaker-failure-rate=100"})
@WithInfrastructure(kafka = true, postgres = false)
class CatalogApiIT {

    static final String FTTH_1G = "01tSb0000000001IAA";
    static final String FAMILY_5GB = "01tSb0000000006IAA";
    static final String LEGACY_ADSL = "01tSb0000000008IAA";

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        CatalogFixture.settings().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    CatalogCache cache;

    @BeforeEach
    void sandbox() throws InterruptedException {
        // other test classes change the sandbox's prices; this context may be cached from before them
        SANDBOX.reset();
        cache.reloadQuietly("test");
        // lets eligibility answers of an earlier test expire
        Thread.sleep(150);
    }

    @Test
    void lists_the_visible_products_of_the_portal_price_book_with_prices() {
        HttpResponse<String> response = get("/api/catalog", token(1));

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> products = products(response);
        assertThat(products).extracting(p -> p.path("code").asString())
                .containsExactly("FTTH-1G", "FTTH-10G", "SIM-FAMILY-5GB", "SIM-DATA-3GB", "SIM-VOICE-10GB", "SIM-VOICE-20GB", "VPN");
        JsonNode ftth = products.getFirst();
        assertThat(ftth.path("id").asString()).isEqualTo(FTTH_1G);
        assertThat(ftth.path("pricebookEntryId").asString()).isEqualTo("01uSb0000000101IAA");
        assertThat(ftth.path("name").asString()).isEqualTo("Hikari FTTH 1G");
        assertThat(ftth.path("category").asString()).isEqualTo("internet");
        assertThat(ftth.path("familyPlan").asBoolean()).isFalse();
        assertThat(ftth.path("whmcsProductId").asLong()).isEqualTo(1);
        assertThat(ftth.path("price").path("amount").decimalValue()).isEqualByComparingTo("5280");
        assertThat(ftth.path("price").path("currency").asString()).isEqualTo("JPY");
    }

    @Test
    void filters_by_category_case_insensitively() {
        assertThat(products(get("/api/catalog?category=SIM", token(1)))).extracting(p -> p.path("category").asString())
                .hasSize(4).containsOnly("sim");
        assertThat(products(get("/api/catalog?category=internet", token(1)))).extracting(p -> p.path("code").asString())
                .containsExactly("FTTH-1G", "FTTH-10G");
        assertThat(products(get("/api/catalog?category=Vpn", token(1)))).extracting(p -> p.path("code").asString())
                .containsExactly("VPN");
    }

    @Test
    void rejects_an_unknown_category_with_a_problem() {
        HttpResponse<String> response = get("/api/catalog?category=tv", token(1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(json(response).path("code").asString()).isEqualTo("invalid-category");
    }

    @Test
    void serves_one_product_and_answers_404_for_unknown_and_invisible_ones() {
        HttpResponse<String> found = get("/api/catalog/products/" + FTTH_1G, token(2));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).path("code").asString()).isEqualTo("FTTH-1G");

        for (String id : List.of(LEGACY_ADSL, "01tSb0000000099IAA", "not-an-id")) {
            HttpResponse<String> missing = get("/api/catalog/products/" + id, token(2));
            assertThat(missing.statusCode()).as(id).isEqualTo(404);
            assertThat(json(missing).path("code").asString()).isEqualTo("product-not-found");
        }
    }

    @Test
    void requires_a_token() {
        assertThat(get("/api/catalog", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/catalog/products/" + FTTH_1G, null).statusCode()).isEqualTo(401);
    }

    @Test
    void family_plans_are_hidden_without_an_active_sim_and_shown_with_one() {
        assertThat(codes(get("/api/catalog?category=sim", token(2)))).doesNotContain("SIM-FAMILY-5GB").hasSize(3);
        assertThat(codes(get("/api/catalog?category=sim", token(null)))).doesNotContain("SIM-FAMILY-5GB");
        assertThat(get("/api/catalog/products/" + FAMILY_5GB, token(2)).statusCode()).isEqualTo(404);

        assertThat(codes(get("/api/catalog?category=sim", token(1)))).contains("SIM-FAMILY-5GB");
        assertThat(codes(get("/api/catalog?category=sim", token(3)))).contains("SIM-FAMILY-5GB");
        HttpResponse<String> family = get("/api/catalog/products/" + FAMILY_5GB, token(3));
        assertThat(family.statusCode()).isEqualTo(200);
        assertThat(json(family).path("familyPlan").asBoolean()).isTrue();
    }

    @Test
    void hides_family_plans_rather_than_failing_when_whmcs_is_down() {
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> response = get("/api/catalog?category=sim", token(3));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(codes(response)).containsExactly("SIM-DATA-3GB", "SIM-VOICE-10GB", "SIM-VOICE-20GB");
    }

    private HttpResponse<String> get(String path, String bearer) {
        return CatalogFixture.get(port, path, bearer);
    }

    private static List<JsonNode> products(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).path("products").spliterator(), false).toList();
    }

    private static List<String> codes(HttpResponse<String> response) {
        return products(response).stream().map(p -> p.path("code").asString()).toList();
    }

    @Test
    void the_openapi_document_is_served_without_a_token_and_describes_the_api() {
        HttpResponse<String> response = get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = CatalogFixture.json(response).path("paths");
        assertThat(paths.propertyNames()).contains("/api/catalog", "/api/catalog/products/{id}");
        assertThat(paths.path("/api/catalog").path("get").path("parameters").findValuesAsString("name")).contains("category");
    }
}
