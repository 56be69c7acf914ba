package dev.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Broken object-level authorisation, generated from the service's own OpenAPI document: every operation on a path
 * with an id, called by Hanako with an id of Aiko's, answers 404 with a {@code *-not-found} code and makes WHMCS do
 * nothing on her behalf. A new path with an id fails here until its collection has a foreign id below.
 */
class BolaIT extends BillingTestBase {

    /** Per collection (the path before its first id): an id that belongs to Aiko, never to Hanako (docs/sandbox.md). */
    private static final Map<String, String> AIKOS_IDS = Map.of("/api/invoices/", "4");

    @TestFactory
    Stream<DynamicTest> every_id_path_answers_404_for_another_customers_id() {
        JsonNode paths = ok(ApiClient.on(port).get("/v3/api-docs")).path("paths");
        List<DynamicTest> tests = new ArrayList<>();
        paths.properties().forEach(path -> {
            if (!path.getKey().contains("{")) {
                return;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    tests.add(DynamicTest.dynamicTest(method.toUpperCase() + " " + path.getKey(),
                            () -> answersNotFound(method.toUpperCase(), path.getKey(), operation.has("requestBody"))));
                }
            }
        });
        assertThat(tests).as("paths with an id in %s", paths).isNotEmpty();
        return tests.stream();
    }

    private void answersNotFound(String method, String template, boolean hasBody) {
        String collection = template.substring(0, template.indexOf('{'));
        String foreignId = AIKOS_IDS.get(collection);
        assertThat(foreignId).as("an id of Aiko's for %s in AIKOS_IDS", collection).isNotNull();

        HttpResponse<String> response = hanako().send(method, template.replaceAll("\\{[^}]+}", foreignId), hasBody ? "{}" : null);

        assertThat(response.statusCode()).as("%s %s: %s", method, template, response.body()).isEqualTo(404);
        assertThat(ApiClient.problemCode(response)).endsWith("-not-found");
        assertThat(whmcsCalls()).as("nothing but reads reached WHMCS").containsOnlyKeys("GetInvoice");
    }
}
