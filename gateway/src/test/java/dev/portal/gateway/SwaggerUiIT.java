package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The gateway serves a Swagger UI over the merged API document, without a token, allowed to load its own assets. */
class SwaggerUiIT extends GatewayTestBase {

    @Test
    void the_swagger_ui_is_served_without_a_token_and_points_at_the_merged_document() {
        HttpResponse<String> entry = get("/swagger-ui.html");
        assertThat(entry.statusCode()).as(entry.body()).isIn(200, 301, 302, 303, 307, 308);
        String page = entry.statusCode() == 200 ? "/swagger-ui.html" : entry.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> ui = get(page);
        HttpResponse<String> initializer = get(page.replace("index.html", "swagger-initializer.js"));
        HttpResponse<String> config = get("/v3/gateway-api-docs/swagger-config");

        assertThat(ui.statusCode()).as(ui.body()).isEqualTo(200);
        assertThat(contentType(ui)).startsWith("text/html");
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElse("")).as("policy of %s", page)
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(initializer.body()).as("the page's script loads its settings").contains("/v3/gateway-api-docs/swagger-config");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(json(config).path("url").asString()).isEqualTo("/v3/api-docs");
    }

    @Test
    void api_answers_keep_the_strict_policy() {
        HttpResponse<String> document = get("/v3/api-docs");

        assertThat(document.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }
}
