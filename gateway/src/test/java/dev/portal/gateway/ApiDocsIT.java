package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gateway's OpenAPI document merges the services' documents; services that do not answer are listed. */
class ApiDocsIT extends GatewayTestBase {

    @AfterEach
    void restore() {
        SIM.apiDocsDelay(Duration.ZERO);
    }

    @Test
    void the_document_merges_the_services_that_answer_and_lists_the_missing() {
        SIM.apiDocsDelay(Duration.ofSeconds(3));

        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").propertyNames()).contains("/api/identity/things", "/api/catalog/things",
                "/api/order/things", "/api/billing/things", "/api/wishlist/things", "/api/notification/things")
                .doesNotContain("/api/sim/things");
        assertThat(document.path("components").path("schemas").propertyNames()).contains("catalogThing", "orderThing", "Problem");
        assertThat(document.path("components").path("schemas").path("Problem").path("description").asString())
                .as("on a clash the alphabetically first service wins").isEqualTo("from billing");
        assertThat(document.path("tags").findValuesAsString("name")).containsOnlyOnce("shared");
        assertThat(document.path("x-missing").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("sim", "case");
    }
}
