package dev.portal.cases.customer;

import static dev.portal.cases.Customers.HANAKO;
import static dev.portal.cases.Customers.HANAKOS_CLOSED_CASE;
import static dev.portal.cases.Customers.HANAKOS_OPEN_CASE;
import static dev.portal.cases.Customers.NEWCOMER;
import static dev.portal.cases.Customers.TARO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.cases.CaseServiceTestBase;
import dev.portal.platform.test.ApiClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/cases and /api/cases/{id}: strictly the caller's Account, newest first, filtered by an allow-list, ids checked
 * before anything is asked; what Salesforce received is read back from the sandbox to show that no input shaped a query.
 */
class BrowseCasesIT extends CaseServiceTestBase {

    @Test
    void the_list_holds_the_callers_cases_newest_first() {
        String opened = open(HANAKO, "No signal since Monday");

        JsonNode page = list(HANAKO, "");

        assertThat(ids(page)).containsExactly(opened, HANAKOS_CLOSED_CASE, HANAKOS_OPEN_CASE);
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(20);
        JsonNode newest = page.path("cases").get(0);
        assertThat(newest.path("origin").asString()).isEqualTo("Portal Website");
        assertThat(newest.path("status").asString()).isEqualTo("New");
        assertThat(newest.path("open").asBoolean()).isTrue();
        assertThat(newest.has("description")).as("lists leave the long text out").isFalse();
    }

    @Test
    void another_account_sees_none_of_them() {
        open(HANAKO, "Hanako's own");

        JsonNode page = list(TARO, "");

        assertThat(page.path("cases").isEmpty()).isTrue();
        assertThat(page.path("total").asInt()).isZero();
    }

    @Test
    void open_and_closed_follow_salesforces_closed_flag_and_a_status_is_matched_in_any_letter_case() {
        assertThat(ids(list(HANAKO, "status=open"))).containsExactly(HANAKOS_OPEN_CASE);
        assertThat(ids(list(HANAKO, "status=closed"))).containsExactly(HANAKOS_CLOSED_CASE);
        assertThat(ids(list(HANAKO, "status=new"))).containsExactly(HANAKOS_OPEN_CASE);
        assertThat(ids(list(HANAKO, "status=Working"))).isEmpty();
        assertThat(list(HANAKO, "status=open").path("total").asInt()).isEqualTo(1);
    }

    @Test
    void an_unknown_status_is_refused_before_salesforce_is_asked() {
        for (String attempt : List.of("Escalated", "New' OR AccountId != '", "New\\", "open OR IsClosed = true")) {
            HttpResponse<String> response = as(HANAKO).get("/api/cases?status=" + URLEncoder.encode(attempt, StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(attempt + ": " + response.body()).isEqualTo(400);
            assertThat(ApiClient.problemCode(response)).isEqualTo("invalid-case-status");
        }
        assertThat(queriesReceived()).isEmpty();
    }

    @Test
    void every_query_salesforce_received_is_scoped_to_the_callers_account() {
        list(HANAKO, "status=open");
        list(HANAKO, "status=new&page=2&size=1");
        as(HANAKO).get("/api/cases/" + HANAKOS_OPEN_CASE);

        List<String> received = queriesReceived();

        assertThat(received).isNotEmpty().allSatisfy(soql -> assertThat(soql)
                .satisfiesAnyOf(q -> assertThat(q).contains("AccountId = '" + HANAKO.accountId() + "'"),
                        q -> assertThat(q).startsWith("SELECT Id, CommentBody, CreatedDate FROM CaseComment WHERE ParentId = '" + HANAKOS_OPEN_CASE + "'")));
    }

    @Test
    void pages_split_the_list_and_a_short_last_page_needs_no_count() {
        String second = open(HANAKO, "second");
        String third = open(HANAKO, "third");

        JsonNode first = list(HANAKO, "page=1&size=2");
        JsonNode last = list(HANAKO, "page=2&size=2");

        assertThat(ids(first)).containsExactly(third, second);
        assertThat(first.path("total").asInt()).isEqualTo(4);
        assertThat(ids(last)).containsExactly(HANAKOS_CLOSED_CASE, HANAKOS_OPEN_CASE);
        assertThat(last.path("total").asInt()).isEqualTo(4);
        assertThat(ids(list(HANAKO, "page=3&size=2"))).isEmpty();
    }

    @Test
    void pages_out_of_bounds_are_refused() {
        for (String query : List.of("page=0", "size=0", "size=101", "page=-1", "page=202&size=10")) {
            HttpResponse<String> response = as(HANAKO).get("/api/cases?" + query);

            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
            assertThat(ApiClient.problemCode(response)).isEqualTo("invalid-page");
        }
        assertThat(as(HANAKO).get("/api/cases?page=201&size=10").statusCode()).as("offset 2000 is Salesforce's last").isEqualTo(200);
        assertThat(ApiClient.problemCode(as(HANAKO).get("/api/cases?page=two"))).isEqualTo("invalid-parameter");
    }

    @Test
    void one_case_shows_its_description_and_only_its_published_comments() {
        HttpResponse<String> response = as(HANAKO).get("/api/cases/" + HANAKOS_OPEN_CASE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode found = ApiClient.json(response);
        assertThat(found.path("subject").asString()).isEqualTo("Router keeps disconnecting");
        assertThat(found.path("description").asString()).isEqualTo("The FTTH connection drops every evening.");
        assertThat(found.path("caseNumber").asString()).isNotBlank();
        assertThat(found.path("comments")).hasSize(1);
        assertThat(found.path("comments").get(0).path("body").asString()).contains("restart the router");
        assertThat(response.body()).doesNotContain("Internal");
    }

    @Test
    void an_agents_public_comment_shows_up_oldest_first() {
        SANDBOX.admin("POST", "/sandbox/admin/salesforce/cases/" + HANAKOS_OPEN_CASE + "/comments", "{\"body\":\"A technician visits on Friday.\"}");
        SANDBOX.admin("POST", "/sandbox/admin/salesforce/cases/" + HANAKOS_OPEN_CASE + "/comments", "{\"body\":\"note\",\"published\":false}");

        JsonNode found = ApiClient.json(as(HANAKO).get("/api/cases/" + HANAKOS_OPEN_CASE));

        assertThat(found.path("comments").valueStream().map(c -> c.path("body").asString()).toList())
                .hasSize(2).last().isEqualTo("A technician visits on Friday.");
    }

    @Test
    void another_accounts_case_is_not_found() {
        HttpResponse<String> response = as(TARO).get("/api/cases/" + HANAKOS_OPEN_CASE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(ApiClient.problemCode(response)).isEqualTo("case-not-found");
        assertThat(response.body()).doesNotContain("Router");
    }

    @Test
    void the_15_character_form_of_an_id_finds_the_same_case() {
        HttpResponse<String> response = as(HANAKO).get("/api/cases/" + HANAKOS_OPEN_CASE.substring(0, 15));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ApiClient.json(response).path("id").asString()).isEqualTo(HANAKOS_OPEN_CASE);
    }

    @Test
    void malformed_ids_and_injection_attempts_are_not_found_without_asking_salesforce() {
        List<String> attempts = List.of(
                HANAKOS_OPEN_CASE.substring(0, 15) + "AAA",             // wrong checksum
                HANAKOS_OPEN_CASE.toLowerCase(),                         // ids are case-sensitive
                HANAKO.accountId(),                                     // an id, but not a Case's
                HANAKOS_OPEN_CASE + "' OR AccountId != '",
                "' OR Id != null LIMIT 1 --",
                "500Sb0000000001IAA\\",
                "%27%20OR%20Name%20LIKE%20%27%25");
        for (String attempt : attempts) {
            HttpResponse<String> response = as(TARO).get("/api/cases/" + URLEncoder.encode(attempt, StandardCharsets.UTF_8).replace("+", "%20"));

            assertThat(response.statusCode()).as(attempt + ": " + response.body()).isIn(400, 404);
            assertThat(response.body()).doesNotContain("Router").doesNotContain("Exception");
        }
        assertThat(queriesReceived()).isEmpty();
    }

    @Test
    void a_portal_user_without_a_linked_account_has_no_cases_to_list() {
        HttpResponse<String> response = as(NEWCOMER).get("/api/cases");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(ApiClient.problemCode(response)).isEqualTo("account-not-linked");
    }

    @Test
    void salesforce_timing_out_answers_504_with_a_problem() {
        SANDBOX.fault("salesforce", "{\"failure\":\"hang\",\"hangMs\":8000}");

        HttpResponse<String> response = as(HANAKO).get("/api/cases");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(ApiClient.problemCode(response)).isEqualTo("upstream-timeout");
    }

    private String open(dev.portal.cases.Customers customer, String subject) {
        HttpResponse<String> response = as(customer).post("/api/cases", Map.of("subject", subject, "description", "details"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asString();
    }

    private JsonNode list(dev.portal.cases.Customers customer, String query) {
        HttpResponse<String> response = as(customer).get("/api/cases" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("cases").valueStream().map(c -> c.path("id").asString()).toList();
    }
}
