package dev.portal.cases;

import static dev.portal.cases.Customers.HANAKO;
import static dev.portal.cases.Customers.HANAKOS_OPEN_CASE;
import static dev.portal.cases.Customers.TARO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Broken object-level authorisation, checked from the service's own OpenAPI document: for every operation on a path
 * with a parameter, the owner reaches Hanako's case through it and another customer gets 404, never her data. A new
 * {id} path is covered the day it is published.
 */
class CaseBolaIT extends CaseServiceTestBase {

    @TestFactory
    List<DynamicTest> another_customers_id_in_any_path_is_not_found() {
        JsonNode paths = ApiClient.json(ApiClient.on(port).get("/v3/api-docs")).path("paths");
        List<DynamicTest> tests = new ArrayList<>();
        paths.propertyNames().forEach(template -> {
            if (!template.contains("{")) {
                return;
            }
            String path = template.replaceAll("\\{[^}]+}", HANAKOS_OPEN_CASE);
            paths.path(template).propertyNames().forEach(method -> {
                if (List.of("get", "put", "post", "patch", "delete").contains(method)) {
                    tests.add(DynamicTest.dynamicTest(method.toUpperCase(Locale.ROOT) + " " + template,
                            () -> ownerReachesItAndOthersDoNot(method.toUpperCase(Locale.ROOT), path)));
                }
            });
        });
        assertThat(tests).as("operations on paths with an id in %s", paths.propertyNames()).isNotEmpty();
        return tests;
    }

    private void ownerReachesItAndOthersDoNot(String method, String path) {
        Object body = method.equals("GET") || method.equals("DELETE") ? null : Map.of("subject", "s", "description", "d");

        HttpResponse<String> owner = as(HANAKO).send(method, path, body);
        HttpResponse<String> other = as(TARO).send(method, path, body);

        assertThat(owner.statusCode()).as("the owner's %s %s: %s", method, path, owner.body()).isBetween(200, 299);
        assertThat(other.statusCode()).as("another customer's %s %s: %s", method, path, other.body()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Router keeps disconnecting");
    }
}
