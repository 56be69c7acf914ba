package dev.portal.e2e;

import static dev.portal.e2e.AccountsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Support cases through the gateway: a case Jiro opens is a Salesforce Case on his Account with Origin "Portal Website"
 * and Status "New", listed as such; a change an agent makes in Salesforce shows in his list; another customer's case
 * is not found.
 */
@Order(6)
@ExtendWith(SuiteExtension.class)
class CasesIT {

    /** Hanako's seeded open case: Jiro must never see it. */
    private static final String HANAKOS_CASE = "500Sb0000000001IAA";

    @Test
    void a_case_is_opened_and_listed_with_origin_portal_website_and_status_new_and_an_agents_change_shows() {
        Browser jiro = Browser.bearer(Customers.jiro());

        Browser.Response opened = jiro.post("/api/cases", Map.of("subject", "No signal since Monday",
                "description", "The router shows a red light.", "category", "Internet"));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        JsonNode listed = listed(jiro, id);
        assertThat(listed.path("origin").asString()).isEqualTo("Portal Website");
        assertThat(listed.path("status").asString()).isEqualTo("New");
        assertThat(listed.path("subject").asString()).isEqualTo("No signal since Monday");

        new Sandbox().patchSalesforceRecord("Case", id, "{\"Status\":\"Working\"}");

        await("the agent's change in Jiro's list").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(listed(jiro, id).path("status").asString()).isEqualTo("Working"));
        Browser.Response one = jiro.get("/api/cases/" + id);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().path("description").asString()).isEqualTo("The router shows a red light.");
    }

    @Test
    void a_case_needs_a_subject_and_a_description_and_another_customers_case_is_not_found() {
        Browser jiro = Browser.bearer(Customers.jiro());

        assertProblem(jiro.post("/api/cases", Map.of("category", "Internet")), 400, "validation-failed");
        assertProblem(jiro.get("/api/cases/" + HANAKOS_CASE), 404, "case-not-found");
        assertProblem(jiro.get("/api/cases?status=escalated"), 400, "invalid-case-status");
        assertThat(jiro.get("/api/cases?status=closed").json().path("cases").valueStream()
                .map(c -> c.path("id").asString())).doesNotContain(HANAKOS_CASE, "500Sb0000000002IAA");
    }

    private static JsonNode listed(Browser customer, String id) {
        Browser.Response list = customer.get("/api/cases");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("cases").valueStream().filter(c -> c.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + list));
    }
}
