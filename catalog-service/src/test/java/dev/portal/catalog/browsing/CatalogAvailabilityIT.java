package dev.portal.catalog.browsing;

import static dev.portal.catalog.CatalogFixture.SANDBOX;
import static dev.portal.catalog.CatalogFixture.get;
import static dev.portal.catalog.CatalogFixture.json;
import static dev.portal.catalog.CatalogFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portal.catalog.CatalogFixture;
import dev.portal.catalog.snapshot.CatalogCache;
import dev.portal.platform.test.InvalidSettings;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Salesforce faults injected by the sandbox (HTML 503 pages, hung requests) against catalogue instances started
 * cold or warm, and a start without the required price book id.
 */
class CatalogAvailabilityIT {

    private final CatalogFixture fixture = new CatalogFixture();

    @BeforeEach
    void seed() {
        SANDBOX.reset();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_cold_cache_answers_503_while_salesforce_is_down_and_loads_once_it_is_back() {
        SANDBOX.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");
        ConfigurableApplicationContext catalog = fixture.start("portal.clients.salesforce.http.max-attempts=1",
                "portal.clients.salesforce.http.breaker-failure-rate=100");

        for (String path : new String[] {"/api/catalog", "/api/catalog/products/01tSb0000000001IAA"}) {
            HttpResponse<String> response = get(catalog, path, token(1));
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(json(response).path("code").asString()).isEqualTo("catalog-unavailable");
            assertThat(response.body()).doesNotContain("Exception");
        }

        SANDBOX.clearFaults();
        HttpResponse<String> recovered = get(catalog, "/api/catalog", token(1));
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(json(recovered).path("products")).hasSize(7);
    }

    @Test
    void a_cold_cache_answers_504_when_salesforce_does_not_answer_in_time() {
        SANDBOX.fault("salesforce", "{\"failure\":\"hang\",\"hangMs\":4000}");
        ConfigurableApplicationContext catalog = fixture.start("portal.clients.salesforce.http.max-attempts=1",
                "portal.clients.salesforce.http.read-timeout=1s", "portal.clients.salesforce.http.breaker-failure-rate=100");

        HttpResponse<String> response = get(catalog, "/api/catalog", token(1));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(json(response).path("code").asString()).isEqualTo("catalog-timeout");
    }

    @Test
    void a_warm_cache_keeps_serving_while_salesforce_is_down() {
        ConfigurableApplicationContext catalog = fixture.start();
        assertThat(get(catalog, "/api/catalog", token(1)).statusCode()).isEqualTo(200);

        SANDBOX.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");
        catalog.getBean(CatalogCache.class).reloadQuietly("test: Salesforce is down");
        HttpResponse<String> response = get(catalog, "/api/catalog", token(1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("products")).hasSize(7);
        assertThat(catalog.getBean(CatalogCache.class).stale()).isTrue();
    }

    @Test
    void refuses_to_start_without_a_price_book_id_or_with_a_malformed_one_naming_the_setting() {
        Throwable missing = catchThrowable(() -> fixture.start("portal.catalog.pricebook-id="));
        Throwable malformed = catchThrowable(() -> fixture.start("portal.catalog.pricebook-id=x' OR Name != '"));

        assertThat(InvalidSettings.of(missing)).singleElement().asString()
                .startsWith("portal.catalog.pricebook-id: is required (PORTAL_PRICEBOOK_ID)");
        assertThat(InvalidSettings.of(malformed))
                .containsExactly("portal.catalog.pricebook-id: must be a 15- or 18-character Salesforce id (PORTAL_PRICEBOOK_ID)");
    }
}
