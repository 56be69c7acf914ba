package dev.portal.sandbox.salesforce.rest;

import dev.portal.sandbox.salesforce.SalesforceRecordChange;
import dev.portal.sandbox.salesforce.SalesforceRecordsChanged;
import dev.portal.sandbox.salesforce.SalesforceIds;
import dev.portal.sandbox.salesforce.oauth.SalesforceSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API, called the way Salesforce's REST API guide shows, answers in Salesforce's shapes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SalesforceRestIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HANAKO = SalesforceSeed.id("001", 1);
    private static final String TARO_ORDER = SalesforceSeed.id("801", 2);

    @TestConfiguration
    static class Recorder {
        final List<SalesforceRecordsChanged> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SalesforceRecordsChanged event) {
            events.add(event);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    Recorder recorder;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void resetAndLogIn() throws Exception {
        send(HttpRequest.newBuilder(url("/sandbox/admin/reset")).POST(HttpRequest.BodyPublishers.noBody()));
        recorder.events.clear();
        HttpResponse<String> login = send(HttpRequest.newBuilder(url("/salesforce/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret")));
        token = JSON.readTree(login.body()).get("access_token").asString();
    }

    // ---- queries ----

    @Test
    void query_returns_records_with_attributes_and_the_limit_header() throws Exception {
        HttpResponse<String> response = query("SELECT Id, Name, SF_Account_No__c, WH_Account__c FROM Account WHERE SF_Account_No__c = 'SF-100001'");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("totalSize").asInt()).isEqualTo(1);
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.has("nextRecordsUrl")).as("no nextRecordsUrl when done").isFalse();
        JsonNode record = body.get("records").get(0);
        assertThat(record.get("attributes").get("type").asString()).isEqualTo("Account");
        assertThat(record.get("attributes").get("url").asString()).isEqualTo("/services/data/v62.0/sobjects/Account/" + HANAKO);
        assertThat(record.get("Id").asString()).isEqualTo(HANAKO).satisfies(id -> assertThat(SalesforceIds.valid18(id)).isTrue());
        assertThat(record.get("Name").asString()).isEqualTo("Hanako Yamada");
        assertThat(record.get("WH_Account__c").asString()).isEqualTo("1");
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).hasValueSatisfying(v -> assertThat(v).matches("api-usage=\\d+/15000"));
    }

    @Test
    void parent_fields_are_nested_under_the_relationship() throws Exception {
        JsonNode body = JSON.readTree(query("SELECT FirstName, Account.Name, Account.SF_Account_No__c FROM Contact WHERE Email LIKE '%YAMADA%'").body());

        JsonNode contact = body.get("records").get(0);
        assertThat(contact.get("FirstName").asString()).isEqualTo("Hanako");
        assertThat(contact.get("Account").get("attributes").get("type").asString()).isEqualTo("Account");
        assertThat(contact.get("Account").get("Name").asString()).isEqualTo("Hanako Yamada");
        assertThat(contact.get("Account").get("SF_Account_No__c").asString()).isEqualTo("SF-100001");
    }

    @Test
    void where_supports_boolean_logic_in_numbers_ordering_limit_and_offset() throws Exception {
        JsonNode body = JSON.readTree(query("SELECT Name, WH_Product_ID__c FROM Product2 WHERE Portal_Visible__c = true AND "
                + "(Portal_Category__c IN ('SIM') OR WH_Product_ID__c >= 20) AND NOT Family_Plan__c = true "
                + "ORDER BY WH_Product_ID__c DESC LIMIT 3 OFFSET 1").body());

        List<Double> pids = new ArrayList<>();
        body.get("records").forEach(r -> pids.add(r.get("WH_Product_ID__c").asDouble()));
        assertThat(pids).as("visible SIM or VPN products, not family plans, by pid descending, second to fourth").containsExactly(12.0, 11.0, 10.0);
        assertThat(body.get("records").get(0).get("WH_Product_ID__c").isNumber()).isTrue();
    }

    @Test
    void where_supports_dates_date_literals_null_and_count() throws Exception {
        assertThat(total("SELECT Id FROM Order WHERE EffectiveDate > 2026-01-07")).isEqualTo(1);
        assertThat(total("SELECT Id FROM Order WHERE CreatedDate < 2026-01-06T00:00:00Z AND WHMCS_Order_ID__c != null")).isEqualTo(1);
        assertThat(total("SELECT Id FROM Order WHERE CreatedDate = LAST_N_DAYS:3")).isZero();
        create("Case", "{\"Subject\":\"New today\",\"AccountId\":\"" + HANAKO + "\"}");
        assertThat(total("SELECT Id FROM Case WHERE CreatedDate = LAST_N_DAYS:3")).isEqualTo(1);

        JsonNode count = JSON.readTree(query("SELECT COUNT() FROM Account WHERE WH_Account__c = null").body());
        assertThat(count.get("totalSize").asInt()).isEqualTo(3);
        assertThat(count.get("records")).isEmpty();
    }

    @Test
    void bad_soql_is_malformed_query_and_an_unknown_field_is_invalid_field() throws Exception {
        HttpResponse<String> malformed = query("SELECT Name FRM Account");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(error(malformed).get("errorCode").asString()).isEqualTo("MALFORMED_QUERY");

        HttpResponse<String> unknown = query("SELECT Nickname FROM Account");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(error(unknown).get("errorCode").asString()).isEqualTo("INVALID_FIELD");
        assertThat(error(unknown).get("message").asString()).contains("No such column 'Nickname' on entity 'Account'");
    }

    @Test
    void large_results_are_paged_through_next_records_url_honouring_the_batch_size() throws Exception {
        for (int i = 0; i < 245; i++) {
            create("Contact", "{\"LastName\":\"Bulk" + i + "\"}");
        }
        HttpResponse<String> first = send(authorized("/salesforce/services/data/v62.0/query?q=" + enc("SELECT Id, LastName FROM Contact"))
                .header("Sforce-Query-Options", "batchSize=200").GET());
        JsonNode page1 = JSON.readTree(first.body());
        assertThat(page1.get("totalSize").asInt()).isEqualTo(251);
        assertThat(page1.get("done").asBoolean()).isFalse();
        assertThat(page1.get("records")).hasSize(200);
        String next = page1.get("nextRecordsUrl").asString();
        assertThat(next).matches("/services/data/v62\\.0/query/01g[0-9A-Za-z]{15}-200");

        JsonNode page2 = JSON.readTree(send(authorized("/salesforce" + next).GET()).body());
        assertThat(page2.get("done").asBoolean()).isTrue();
        assertThat(page2.has("nextRecordsUrl")).isFalse();
        assertThat(page2.get("records")).hasSize(51);
    }

    // ---- sObjects ----

    @Test
    void a_record_is_created_read_updated_and_deleted() throws Exception {
        HttpResponse<String> created = create("Case", "{\"AccountId\":\"" + HANAKO + "\",\"Subject\":\"No signal\",\"Origin\":\"Portal\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode result = JSON.readTree(created.body());
        String id = result.get("id").asString();
        assertThat(SalesforceIds.valid18(id)).as("18-character id with checksum: " + id).isTrue();
        assertThat(id).startsWith("500");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("errors")).isEmpty();

        JsonNode read = JSON.readTree(send(authorized("/salesforce/services/data/v62.0/sobjects/Case/" + id).GET()).body());
        assertThat(read.get("attributes").get("type").asString()).isEqualTo("Case");
        assertThat(read.get("Status").asString()).isEqualTo("New");
        assertThat(read.get("IsClosed").asBoolean()).isFalse();
        assertThat(read.get("CaseNumber").asString()).matches("\\d{8}");
        assertThat(read.get("CreatedById").asString()).isEqualTo(SalesforceSessions.USER_ID);

        HttpResponse<String> update = send(authorized("/salesforce/services/data/v62.0/sobjects/Case/" + id)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Status\":\"Closed\"}")));
        assertThat(update.statusCode()).isEqualTo(204);
        JsonNode some = JSON.readTree(send(authorized("/salesforce/services/data/v62.0/sobjects/Case/" + id + "?fields=Status,IsClosed").GET()).body());
        assertThat(some.get("IsClosed").asBoolean()).isTrue();
        assertThat(some.has("Subject")).as("only the requested fields").isFalse();

        assertThat(send(authorized("/salesforce/services/data/v62.0/sobjects/Case/" + id).DELETE()).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = send(authorized("/salesforce/services/data/v62.0/sobjects/Case/" + id).GET());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(error(gone).get("errorCode").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void missing_required_fields_and_bad_values_are_error_arrays() throws Exception {
        HttpResponse<String> missing = create("Account", "{\"Phone\":\"03-0000-0000\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(error(missing).get("errorCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error(missing).get("fields").get(0).asString()).isEqualTo("Name");

        HttpResponse<String> picklist = create("Case", "{\"Status\":\"Sleeping\"}");
        assertThat(error(picklist).get("errorCode").asString()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");

        HttpResponse<String> unknownField = create("Account", "{\"Name\":\"X\",\"Nickname\":\"Y\"}");
        assertThat(error(unknownField).get("errorCode").asString()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void upsert_by_external_id_updates_creates_or_reports_multiple_matches() throws Exception {
        HttpResponse<String> updated = upsert("Account/SF_Account_No__c/SF-100001", "{\"Phone\":\"03-9999-0001\"}");
        assertThat(updated.statusCode()).isEqualTo(204);

        HttpResponse<String> created = upsert("Account/SF_Account_No__c/SF-200001", "{\"Name\":\"Yui Mori\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("created").asBoolean()).isTrue();
        assertThat(total("SELECT Id FROM Account WHERE SF_Account_No__c = 'SF-200001' AND Name = 'Yui Mori'")).isEqualTo(1);

        create("Account", "{\"Name\":\"A\",\"WH_Account__c\":\"99\"}");
        create("Account", "{\"Name\":\"B\",\"WH_Account__c\":\"99\"}");
        HttpResponse<String> multiple = upsert("Account/WH_Account__c/99", "{\"Phone\":\"1\"}");
        assertThat(multiple.statusCode()).isEqualTo(300);
        assertThat(JSON.readTree(multiple.body())).hasSize(2);
    }

    @Test
    void composite_resolves_references_and_answers_200_per_subrequest() throws Exception {
        String request = """
                {"allOrNone":true,"compositeRequest":[
                  {"method":"POST","url":"/services/data/v62.0/sobjects/Account","referenceId":"refAcct","body":{"Name":"Composite Co"}},
                  {"method":"POST","url":"/services/data/v62.0/sobjects/Contact","referenceId":"refContact","body":{"LastName":"Mori","AccountId":"@{refAcct.id}"}},
                  {"method":"GET","url":"/services/data/v62.0/sobjects/Account/@{refAcct.id}?fields=Name","referenceId":"refRead"}]}""";

        HttpResponse<String> response = send(authorized("/salesforce/services/data/v62.0/composite")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("compositeResponse");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("referenceId").asString()).isEqualTo("refAcct");
        assertThat(results.get(0).get("httpHeaders").get("Location").asString()).startsWith("/services/data/v62.0/sobjects/Account/001");
        assertThat(results.get(2).get("body").get("Name").asString()).isEqualTo("Composite Co");
        assertThat(recorder.events).as("one transaction").hasSize(1);
        assertThat(recorder.events.getFirst().changes()).extracting(SalesforceRecordChange::entityName).containsExactly("Account", "Contact");
    }

    @Test
    void composite_all_or_none_rolls_back_when_a_subrequest_fails() throws Exception {
        String request = """
                {"allOrNone":true,"compositeRequest":[
                  {"method":"POST","url":"/services/data/v62.0/sobjects/Account","referenceId":"refAcct","body":{"Name":"Rolled Back Co"}},
                  {"method":"POST","url":"/services/data/v62.0/sobjects/Contact","referenceId":"refContact","body":{"AccountId":"@{refAcct.id}"}}]}""";

        HttpResponse<String> response = send(authorized("/salesforce/services/data/v62.0/composite")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("compositeResponse");
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(0).get("body").get(0).get("errorCode").asString()).isEqualTo("PROCESSING_HALTED");
        assertThat(results.get(1).get("body").get(0).get("errorCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(total("SELECT Id FROM Account WHERE Name = 'Rolled Back Co'")).isZero();
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void composite_refuses_more_than_25_subrequests() throws Exception {
        StringBuilder subrequests = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            subrequests.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"url\":\"/services/data/v62.0/sobjects/Account/")
                    .append(HANAKO).append("\",\"referenceId\":\"r").append(i).append("\"}");
        }

        HttpResponse<String> response = send(authorized("/salesforce/services/data/v62.0/composite").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"compositeRequest\":[" + subrequests + "]}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).get("errorCode").asString()).isEqualTo("INVALID_BATCH_REQUEST");
    }

    @Test
    void fifteen_character_ids_are_accepted_and_answered_in_eighteen() throws Exception {
        JsonNode account = JSON.readTree(send(authorized("/salesforce/services/data/v62.0/sobjects/Account/" + HANAKO.substring(0, 15)).GET()).body());

        assertThat(account.get("Id").asString()).isEqualTo(HANAKO);
    }

    // ---- refusals and limits ----

    @Test
    void an_unknown_token_is_invalid_session_id() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/salesforce/services/data/v62.0/query?q=" + enc("SELECT Id FROM Account")))
                .header("Authorization", "Bearer 00DSb0000000001!nope").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    }

    @Test
    void older_api_versions_are_served_and_versions_below_37_are_not() throws Exception {
        assertThat(send(authorized("/salesforce/services/data/v45.0/sobjects/Account/" + HANAKO).GET()).statusCode()).isEqualTo(200);
        assertThat(send(authorized("/salesforce/services/data/v36.0/sobjects/Account/" + HANAKO).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_daily_limit_refuses_requests_with_request_limit_exceeded() throws Exception {
        send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/api-usage")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"used\":15000}")));

        HttpResponse<String> response = query("SELECT Id FROM Account");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response).get("errorCode").asString()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=15000/15000");
    }

    // ---- change events ----

    @Test
    void an_api_update_publishes_the_changed_fields_with_the_api_origin() throws Exception {
        send(authorized("/salesforce/services/data/v62.0/sobjects/Order/" + TARO_ORDER).header("Sforce-Call-Options", "client=portalTest")
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Status\":\"Approved\",\"Order_Type__c\":\"Internet\"}")));

        assertThat(recorder.events).hasSize(1);
        SalesforceRecordChange change = recorder.events.getFirst().changes().getFirst();
        assertThat(change.entityName()).isEqualTo("Order");
        assertThat(change.changeType()).isEqualTo("UPDATE");
        assertThat(change.recordIds()).containsExactly(TARO_ORDER);
        assertThat(change.changedFields()).as("only what changed, plus LastModifiedDate").containsExactly("Status", "LastModifiedDate");
        assertThat(change.fields()).containsOnlyKeys("Status", "LastModifiedDate").containsEntry("Status", "Approved");
        assertThat(change.changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=portalTest");
        assertThat(change.commitUser()).isEqualTo(SalesforceSessions.USER_ID);
    }

    @Test
    void creates_carry_all_non_null_fields_except_price_book_entry_system_fields() throws Exception {
        create("PricebookEntry", "{\"Pricebook2Id\":\"" + SalesforceSeed.id("01s", 2) + "\",\"Product2Id\":\"" + SalesforceSeed.id("01t", 8)
                + "\",\"UnitPrice\":2500,\"IsActive\":true}");
        create("Case", "{\"Subject\":\"Hello\"}");

        SalesforceRecordChange entry = recorder.events.get(0).changes().getFirst();
        assertThat(entry.changeType()).isEqualTo("CREATE");
        assertThat(entry.fields()).containsEntry("UnitPrice", 2500.0).containsEntry("CurrencyIsoCode", "JPY")
                .doesNotContainKeys("CreatedById", "CreatedDate", "LastModifiedById", "LastModifiedDate");
        assertThat(entry.changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=sandbox-client");
        SalesforceRecordChange kase = recorder.events.get(1).changes().getFirst();
        assertThat(kase.fields()).containsKeys("Subject", "Status", "CaseNumber", "CreatedDate", "CreatedById").doesNotContainKey("Description");
        assertThat((String) kase.fields().get("CreatedDate")).endsWith("Z");
    }

    @Test
    void a_case_created_and_closed_through_the_api_publishes_its_fields_and_the_derived_close_fields() throws Exception {
        HttpResponse<String> created = send(authorized("/salesforce/services/data/v62.0/sobjects/Case").header("Sforce-Call-Options", "client=portal")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"AccountId":"%s","Subject":"No dial tone","Description":"Since this morning.","Origin":"Portal Website","Type":"Phone"}"""
                        .formatted(HANAKO))));
        String id = JSON.readTree(created.body()).get("id").asString();
        send(authorized("/salesforce/services/data/v62.0/sobjects/Case/" + id).header("Sforce-Call-Options", "client=portal")
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Status\":\"Closed\"}")));

        assertThat(recorder.events).hasSize(2);
        SalesforceRecordChange create = recorder.events.get(0).changes().getFirst();
        assertThat(create.entityName()).isEqualTo("Case");
        assertThat(create.changeType()).isEqualTo("CREATE");
        assertThat(create.recordIds()).containsExactly(id);
        assertThat(create.fields()).containsEntry("AccountId", HANAKO).containsEntry("Subject", "No dial tone")
                .containsEntry("Origin", "Portal Website").containsEntry("Status", "New").containsEntry("IsClosed", false)
                .containsKeys("CaseNumber", "CreatedDate", "LastModifiedDate").doesNotContainKey("ClosedDate");
        assertThat(create.changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=portal");
        SalesforceRecordChange close = recorder.events.get(1).changes().getFirst();
        assertThat(close.changeType()).isEqualTo("UPDATE");
        assertThat(close.changedFields()).containsExactly("Status", "IsClosed", "ClosedDate", "LastModifiedDate");
        assertThat(close.fields()).containsEntry("Status", "Closed").containsEntry("IsClosed", true);
        assertThat((String) close.fields().get("ClosedDate")).endsWith("Z");
    }

    @Test
    void an_agent_moving_a_case_publishes_the_change_without_an_api_origin() throws Exception {
        String hanakosOpenCase = SalesforceSeed.id("500", 1);

        HttpResponse<String> moved = send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/cases/" + hanakosOpenCase + "/status"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Working\"}")));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).get("Status").asString()).isEqualTo("Working");
        SalesforceRecordChange change = recorder.events.getFirst().changes().getFirst();
        assertThat(change.changedFields()).containsExactly("Status", "LastModifiedDate");
        assertThat(change.changeOrigin()).isEmpty();
        assertThat(change.commitUser()).isEqualTo(SalesforceAdminController.ADMIN_USER_ID);
        HttpResponse<String> refused = send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/cases/" + hanakosOpenCase + "/status"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Escalated\"}")));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    }

    @Test
    void admin_scenarios_change_records_without_an_api_origin() throws Exception {
        HttpResponse<String> approved = send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/orders/" + TARO_ORDER + "/approve"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        HttpResponse<String> price = send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/pricebook-entries/" + SalesforceSeed.id("01u", 101) + "/price"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"unitPrice\":4980}")));
        assertThat(price.statusCode()).as(price.body()).isEqualTo(200);

        assertThat(recorder.events).hasSize(2);
        SalesforceRecordChange approval = recorder.events.get(0).changes().getFirst();
        assertThat(approval.fields()).containsEntry("Status", "Approved");
        assertThat(approval.changeOrigin()).isEmpty();
        assertThat(recorder.events.get(1).changes().getFirst().fields()).containsEntry("UnitPrice", 4980.0);
        assertThat(total("SELECT Id FROM PricebookEntry WHERE UnitPrice = 4980 AND Pricebook2.Name = 'Portal Catalog'")).isEqualTo(1);
    }

    @Test
    void a_delete_publishes_the_header_only() throws Exception {
        send(authorized("/salesforce/services/data/v62.0/sobjects/Case/" + SalesforceSeed.id("500", 2)).DELETE());

        SalesforceRecordChange change = recorder.events.getFirst().changes().getFirst();
        assertThat(change.changeType()).isEqualTo("DELETE");
        assertThat(change.fields()).isEmpty();
        assertThat(change.changedFields()).isEmpty();
    }

    @Test
    void admin_can_set_any_field_of_any_record() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/records/Account/" + HANAKO))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Portal_Status__c\":\"Suspended\"}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("Portal_Status__c").asString()).isEqualTo("Suspended");
        SalesforceRecordChange change = recorder.events.getFirst().changes().getFirst();
        assertThat(change.changedFields()).containsExactly("Portal_Status__c", "LastModifiedDate");
        assertThat(change.commitUser()).isEqualTo(SalesforceAdminController.ADMIN_USER_ID);
    }

    // ---- helpers ----

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String soql) throws Exception {
        return send(authorized("/salesforce/services/data/v62.0/query?q=" + enc(soql)).GET());
    }

    private int total(String soql) throws Exception {
        HttpResponse<String> response = query(soql);
        assertThat(response.statusCode()).as(soql + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("totalSize").asInt();
    }

    private HttpResponse<String> create(String type, String json) throws Exception {
        return send(authorized("/salesforce/services/data/v62.0/sobjects/" + type).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> upsert(String path, String json) throws Exception {
        return send(authorized("/salesforce/services/data/v62.0/sobjects/" + path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.isArray()).as("Salesforce errors are a JSON array: " + response.body()).isTrue();
        return body.get(0);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
