package dev.portal.cases.customer;

import static dev.portal.cases.Customers.HANAKO;
import static dev.portal.cases.Customers.NEWCOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.cases.CaseServiceTestBase;
import dev.portal.clients.salesforce.Soql;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/cases: a Salesforce Case on the caller's Account, Origin "Portal Website", Status "New", the customer's text. */
class OpenCaseIT extends CaseServiceTestBase {

    @Test
    void a_case_is_opened_on_the_callers_account_with_origin_portal_website_and_status_new() {
        HttpResponse<String> response = as(HANAKO).post("/api/cases", Map.of("subject", "No signal since Monday",
                "description", "The router shows a red light.", "category", "Internet"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode opened = ApiClient.json(response);
        String id = opened.path("id").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/cases/" + id);
        assertThat(opened.path("status").asString()).isEqualTo("New");
        assertThat(opened.path("origin").asString()).isEqualTo("Portal Website");
        assertThat(opened.path("caseNumber").asString()).isNotBlank();
        assertThat(opened.path("open").asBoolean()).isTrue();
        assertThat(opened.path("comments").isArray()).isTrue();
        JsonNode record = caseRecord(id);
        assertThat(record.path("AccountId").asString()).isEqualTo(HANAKO.accountId());
        assertThat(record.path("Origin").asString()).isEqualTo("Portal Website");
        assertThat(record.path("Status").asString()).isEqualTo("New");
        assertThat(record.path("Subject").asString()).isEqualTo("No signal since Monday");
        assertThat(record.path("Description").asString()).isEqualTo("The router shows a red light.");
        assertThat(record.path("Type").asString()).isEqualTo("Internet");
    }

    @Test
    void the_account_origin_and_status_are_never_the_customers_to_choose() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", "Please move my case");
        body.put("description", "and set it as I say");
        body.put("accountId", "001Sb0000000002IAA");
        body.put("AccountId", "001Sb0000000002IAA");
        body.put("origin", "Phone");
        body.put("Status", "Closed");

        HttpResponse<String> response = as(HANAKO).post("/api/cases", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode record = caseRecord(ApiClient.json(response).path("id").asString());
        assertThat(record.path("AccountId").asString()).isEqualTo(HANAKO.accountId());
        assertThat(record.path("Origin").asString()).isEqualTo("Portal Website");
        assertThat(record.path("Status").asString()).isEqualTo("New");
    }

    @Test
    void subject_and_description_are_required_and_nothing_reaches_salesforce_without_them() {
        HttpResponse<String> response = as(HANAKO).post("/api/cases", Map.of("subject", "   "));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.problemCode(response)).isEqualTo("validation-failed");
        assertThat(ApiClient.problemFields(response)).containsExactlyInAnyOrder("subject", "description");
        assertThat(casesOfHanako()).isEqualTo(2);
    }

    @Test
    void subject_and_description_are_bounded_as_salesforce_bounds_them() {
        HttpResponse<String> tooLong = as(HANAKO).post("/api/cases", Map.of("subject", "s".repeat(256), "description", "d".repeat(32_001)));
        HttpResponse<String> atTheBounds = as(HANAKO).post("/api/cases", Map.of("subject", "s".repeat(255), "description", "d".repeat(32_000)));

        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(ApiClient.problemFields(tooLong)).containsExactlyInAnyOrder("subject", "description");
        assertThat(atTheBounds.statusCode()).as(atTheBounds.body()).isEqualTo(201);
        assertThat(caseRecord(ApiClient.json(atTheBounds).path("id").asString()).path("Description").asString()).hasSize(32_000);
    }

    @Test
    void a_category_must_be_one_of_the_configured_ones() {
        HttpResponse<String> response = as(HANAKO).post("/api/cases", Map.of("subject", "s", "description", "d", "category", "Toaster"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.problemFields(response)).containsExactly("category");
        assertThat(response.body()).contains("Internet");
        assertThat(casesOfHanako()).isEqualTo(2);
    }

    @Test
    void text_that_looks_like_soql_is_stored_as_the_customer_wrote_it() {
        String subject = "it's broken' OR AccountId != '\\";

        HttpResponse<String> response = as(HANAKO).post("/api/cases", Map.of("subject", subject, "description", "x\"); DELETE Case; --"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(ApiClient.json(response).path("subject").asString()).isEqualTo(subject);
        assertThat(caseRecord(ApiClient.json(response).path("id").asString()).path("Subject").asString()).isEqualTo(subject);
    }

    @Test
    void a_portal_user_without_a_linked_account_cannot_open_a_case() {
        HttpResponse<String> response = as(NEWCOMER).post("/api/cases", Map.of("subject", "s", "description", "d"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(ApiClient.problemCode(response)).isEqualTo("account-not-linked");
    }

    @Test
    void without_a_token_nothing_is_opened() {
        HttpResponse<String> response = ApiClient.on(port).post("/api/cases", Map.of("subject", "s", "description", "d"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(casesOfHanako()).isEqualTo(2);
    }

    @Test
    void salesforce_unavailable_answers_503_with_a_problem() {
        SANDBOX.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> response = as(HANAKO).post("/api/cases", Map.of("subject", "s", "description", "d"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(ApiClient.problemCode(response)).isEqualTo("upstream-unavailable");
        assertThat(response.body()).doesNotContain("Exception");
        SANDBOX.clearFaults();
        assertThat(casesOfHanako()).isEqualTo(2);
    }

    private int casesOfHanako() {
        return salesforce.count(Soql.of("SELECT COUNT() FROM Case WHERE AccountId = :account").bind("account", HANAKO.accountId()).text());
    }
}
