package dev.portal.sandbox.salesforce.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case comments as Salesforce serves them (public ones and internal notes, queried by their case), an agent's
 * comment as a scenario, and the log of the SOQL the org received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SalesforceCaseCommentsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HANAKOS_OPEN_CASE = SalesforceSeed.id("500", 1);

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void resetAndLogIn() throws Exception {
        send(HttpRequest.newBuilder(url("/sandbox/admin/reset")).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> login = send(HttpRequest.newBuilder(url("/salesforce/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret")));
        token = JSON.readTree(login.body()).get("access_token").asString();
    }

    @Test
    void the_seeded_open_case_has_a_public_comment_and_an_internal_note() throws Exception {
        JsonNode all = query("SELECT Id, CommentBody, IsPublished, CreatedDate FROM CaseComment WHERE ParentId = '" + HANAKOS_OPEN_CASE
                + "' ORDER BY CreatedDate, Id");
        JsonNode published = query("SELECT Id, CommentBody FROM CaseComment WHERE ParentId = '" + HANAKOS_OPEN_CASE + "' AND IsPublished = true");

        assertThat(all.get("totalSize").asInt()).isEqualTo(2);
        assertThat(all.get("records").get(0).get("attributes").get("type").asString()).isEqualTo("CaseComment");
        assertThat(all.get("records").get(0).get("Id").asString()).startsWith("00a").hasSize(18);
        assertThat(published.get("totalSize").asInt()).isEqualTo(1);
        assertThat(published.get("records").get(0).get("CommentBody").asString()).contains("restart the router");
    }

    @Test
    void an_agent_comments_on_a_case_publicly_by_default_or_as_an_internal_note() throws Exception {
        HttpResponse<String> reply = comment(HANAKOS_OPEN_CASE, "{\"body\":\"A technician visits on Friday.\"}");
        HttpResponse<String> note = comment(HANAKOS_OPEN_CASE, "{\"body\":\"Carrier ticket 4711\",\"published\":false}");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(JSON.readTree(reply.body()).get("IsPublished").asBoolean()).isTrue();
        assertThat(JSON.readTree(reply.body()).get("ParentId").asString()).isEqualTo(HANAKOS_OPEN_CASE);
        assertThat(JSON.readTree(note.body()).get("IsPublished").asBoolean()).isFalse();
        assertThat(query("SELECT Id FROM CaseComment WHERE ParentId = '" + HANAKOS_OPEN_CASE + "' AND IsPublished = true")
                .get("totalSize").asInt()).isEqualTo(2);
    }

    @Test
    void a_comment_needs_a_body_and_an_existing_case() throws Exception {
        assertThat(comment(HANAKOS_OPEN_CASE, "{\"body\":\" \"}").statusCode()).isEqualTo(400);
        assertThat(comment(SalesforceSeed.id("500", 99), "{\"body\":\"hello\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void the_org_lists_the_soql_it_received_since_the_last_reset() throws Exception {
        String soql = "SELECT Id FROM Case WHERE Subject = 'it\\'s down'";
        query(soql);

        HttpResponse<String> received = send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/queries")).GET());

        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(received.body()).valueStream().map(JsonNode::asString).toList()).containsExactly(soql);
        send(HttpRequest.newBuilder(url("/sandbox/admin/reset")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(JSON.readTree(send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/queries")).GET()).body()).isEmpty()).isTrue();
    }

    private HttpResponse<String> comment(String caseId, String json) throws Exception {
        return send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/cases/" + caseId + "/comments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode query(String soql) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/salesforce/services/data/v62.0/query?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).GET());
        assertThat(response.statusCode()).as(soql + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
