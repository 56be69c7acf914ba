package dev.portal.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A service with an HTTP API publishes its OpenAPI document at {@code /v3/api-docs} without a token (the gateway
 * merges them). A service's conventions test opts in: {@code class XServiceConventionsIT extends ServiceConventions
 * implements OpenApiConventions}.
 */
public interface OpenApiConventions {

    /** A client of the service under test without credentials ({@link ServiceConventions#api()}). */
    ApiClient api();

    @Test
    default void publishes_its_openapi_document_without_a_token() {
        HttpResponse<String> response = api().get("/v3/api-docs");

        assertThat(response.statusCode()).as("GET /v3/api-docs: %s", response.body()).isEqualTo(200);
        JsonNode document = ApiClient.json(response);
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.has("paths")).as("paths in %s", document).isTrue();
    }
}
