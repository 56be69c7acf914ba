package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.NewClient;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.users.Passwords;
import dev.portal.platform.saga.Direction;
import dev.portal.platform.saga.SagaInstances;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.saga.SagaSteps;
import dev.portal.platform.saga.SagaTimeline;
import dev.portal.platform.saga.Sagas;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Signup against the sandbox's customers: the happy path, every refusal with its code, parking and retries. */
class SignupIT extends IdentityTestBase {

    private static final String JIRO = "SF-100005";
    private static final String PASSWORD = "a long portal password";

    @Autowired WhmcsClient whmcs;
    @Autowired Sagas sagas;
    @Autowired SagaInstances instances;
    @Autowired SagaSteps steps;
    @Autowired TransactionTemplate transactions;
    @Autowired Passwords passwords;

    @Test
    void jiro_signs_up_creating_his_whmcs_client_his_mapping_and_the_salesforce_link() {
        givenOwnershipCode(JIRO, "jiro.kobayashi@example.jp");

        HttpResponse<String> response = post("/api/auth/signup", signup(JIRO, "jiro.kobayashi@example.jp", PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        UUID userId = UUID.fromString(body.path("userId").asString());
        int whmcsClientId = body.path("whmcsClientId").asInt();
        String accountId = body.path("sfAccountId").asString();
        assertThat(body.path("salesforceLinked").asBoolean()).isTrue();

        assertThat(whmcs.getClientsDetails(ClientLookup.byId(whmcsClientId), false).client().email()).isEqualTo("jiro.kobayashi@example.jp");
        JsonNode account = account(JIRO);
        assertThat(account.path("Id").asString()).isEqualTo(accountId).hasSize(18);
        assertThat(account.path("WH_Account__c").asString()).isEqualTo(String.valueOf(whmcsClientId));
        assertThat(account.path("Portal_Status__c").asString()).isEqualTo("Registered");
        assertThat(account.path("Portal_Registered_At__c").asString()).isNotBlank();
        assertThat(jdbc.sql("select whmcs_client_id from id_mappings where user_id = ? and sf_account_id = ?")
                .params(userId, accountId).query(Integer.class).single()).isEqualTo(whmcsClientId);
        assertThat(signupStatus()).isEqualTo("COMPLETED");

        ConsumerRecord<String, byte[]> event = awaitEvent(userId, "portal.identity.user-registered.v1");
        String payload = new String(event.value(), StandardCharsets.UTF_8);
        assertThat(payload).contains(accountId).contains("\"whmcsClientId\":" + whmcsClientId);

        // and the new user can log in
        assertThat(post("/api/auth/login", Map.of("email", "JIRO.kobayashi@example.jp", "password", PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void an_account_already_linked_is_already_linked() {
        HttpResponse<String> response = post("/api/auth/signup", signup("SF-100001", "someone.new@example.jp", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("already-linked");
    }

    @Test
    void an_email_that_is_already_a_whmcs_client_is_whmcs_email_taken() {
        givenOwnershipCode("SF-100006", "mika.ito@example.jp");

        HttpResponse<String> response = post("/api/auth/signup", signup("SF-100006", "mika.ito@example.jp", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("whmcs-email-taken");
        assertThat(account("SF-100006").path("WH_Account__c").isNull()).isTrue();
    }

    @Test
    void an_unknown_customer_number_is_customer_not_found() {
        HttpResponse<String> response = post("/api/auth/signup", signup("SF-999999", "someone.new@example.jp", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(problemCode(response)).isEqualTo("customer-not-found");
    }

    @Test
    void an_email_that_is_already_a_portal_user_is_email_taken() {
        givenOwnershipCode(JIRO, "jiro.kobayashi@example.jp");
        assertThat(post("/api/auth/signup", signup(JIRO, "jiro.kobayashi@example.jp", PASSWORD)).statusCode()).isEqualTo(201);

        HttpResponse<String> again = post("/api/auth/signup", signup("SF-100003", "Jiro.Kobayashi@EXAMPLE.jp", PASSWORD));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(problemCode(again)).isEqualTo("email-taken");
    }

    @Test
    void a_bad_body_lists_its_fields() {
        Map<String, Object> body = new HashMap<>(signup(JIRO, "not-an-email", "short"));
        body.remove("firstName");
        body.put("customerNumber", "SF-1' OR '1'='1");
        HttpResponse<String> response = post("/api/auth/signup", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("validation-failed");
        assertThat(json(response).path("errors").findValuesAsString("field"))
                .contains("email", "password", "firstName", "customerNumber");
        assertThat(response.body()).doesNotContain(PASSWORD);
    }

    @Test
    void an_unavailable_salesforce_is_a_503_problem() {
        SANDBOX.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> response = post("/api/auth/signup", signup(JIRO, "jiro.kobayashi@example.jp", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(problemCode(response)).isEqualTo("upstream-unavailable");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void a_salesforce_failure_after_the_local_commit_is_parked_reconciled_and_a_retry_creates_no_second_whmcs_client()
            throws Exception {
        givenOwnershipCode(JIRO, "jiro.kobayashi@example.jp");
        // warm the Salesforce login so the signup's first Salesforce call is the Account query
        account(JIRO);
        // WHMCS answers slowly, so the Salesforce fault can be put in place after the Account query and before the update
        SANDBOX.fault("whmcs", "{\"latencyMs\":1500,\"remaining\":2}");
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> post("/api/auth/signup", signup(JIRO, "jiro.kobayashi@example.jp", PASSWORD)));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> !SANDBOX.admin("GET", "/sandbox/admin/faults", null).contains("\"remaining\":2"));
        SANDBOX.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> response = first.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("salesforceLinked").asBoolean()).isFalse();
        int whmcsClientId = body.path("whmcsClientId").asInt();
        UUID userId = UUID.fromString(body.path("userId").asString());
        SagaTimeline retrying = sagas.timeline(signupId()).orElseThrow();
        assertThat(retrying.status()).as("the Salesforce update is retried").isNotEqualTo(SagaStatus.COMPLETED);
        assertThat(retrying.entry("link-salesforce-account", Direction.EXECUTE).orElseThrow().lastError()).contains("salesforce");
        // the saga leader retries while Salesforce still refuses, then parks the update
        await().atMost(Duration.ofSeconds(30)).until(() -> "PARKED".equals(signupStatus()));
        awaitEvent(userId, "portal.identity.salesforce-link-parked.v1");
        assertThat(get("/actuator/prometheus", null).body()).contains("portal_identity_signup_salesforce_parked_total");

        // the customer tries again: no second WHMCS client, the account exists
        SANDBOX.clearFaults();
        HttpResponse<String> retry = post("/api/auth/signup", signup(JIRO, "jiro.kobayashi@example.jp", PASSWORD));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(409);
        assertThat(problemCode(retry)).isEqualTo("email-taken");
        assertThat(whmcs.getClientsDetails(ClientLookup.byEmail("jiro.kobayashi@example.jp"), false).client().id()).isEqualTo(whmcsClientId);
        assertThat(nextWhmcsClientId()).as("no client was created after Jiro's").isEqualTo(whmcsClientId + 1);

        // an operator retries the parked signup once Salesforce answers again: the update is made
        assertThat(sagas.retry(signupId()).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(account(JIRO).path("WH_Account__c").asString()).isEqualTo(String.valueOf(whmcsClientId));
        assertThat(account(JIRO).path("Portal_Status__c").asString()).isEqualTo("Registered");
        assertThat(signupStatus()).isEqualTo("COMPLETED");
    }

    @Test
    void a_retry_after_whmcs_created_the_client_but_the_answer_was_lost_reuses_that_client() {
        givenOwnershipCode(JIRO, "jiro.kobayashi@example.jp");
        // the state a lost AddClient answer leaves: the attempt recorded, the client created in WHMCS, nothing local
        long created = whmcs.addClient(new NewClient("Jiro", "Kobayashi", "jiro.kobayashi@example.jp", "1-2-3 Shibuya", "",
                "Shibuya-ku", "Tokyo", "150-0002", "JP", "+81-90-1111-2222", "Unknown-Pass-1", null, true));
        new StoredSignups(instances, steps, transactions).whmcsAnswerLost(
                StoredSignups.jiro(JIRO, "jiro.kobayashi@example.jp", account(JIRO).path("Id").asString(), passwords.hash(PASSWORD)),
                Instant.now());

        HttpResponse<String> retry = post("/api/auth/signup", signup(JIRO, "jiro.kobayashi@example.jp", PASSWORD));

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(json(retry).path("whmcsClientId").asLong()).isEqualTo(created);
        assertThat(nextWhmcsClientId()).as("no second client").isEqualTo(created + 1);
        assertThat(account(JIRO).path("WH_Account__c").asString()).isEqualTo(String.valueOf(created));
    }

    private String signupStatus() {
        return jdbc.sql("select status from saga_instances where saga_name = 'signup'").query(String.class).single();
    }

    private UUID signupId() {
        return jdbc.sql("select id from saga_instances where saga_name = 'signup'").query(UUID.class).single();
    }

    private long nextWhmcsClientId() {
        return whmcs.addClient(new NewClient("Probe", "Client", "probe-" + UUID.randomUUID() + "@example.jp", "1 Probe St", "",
                "Chiyoda-ku", "Tokyo", "100-0001", "JP", "+81-3-0000-0000", "Probe-Pass-1", null, true));
    }

    private JsonNode account(String customerNumber) {
        return salesforceClient.queryTrees("SELECT Id, WH_Account__c, Portal_Status__c, Portal_Registered_At__c FROM Account"
                + " WHERE SF_Account_No__c = '" + customerNumber + "'").getFirst();
    }

    private ConsumerRecord<String, byte[]> awaitEvent(UUID userId, String type) {
        return awaitEvent("identity.user.events", userId.toString(), type);
    }
}
