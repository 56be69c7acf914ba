package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.whmcs.NewClient;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.signup.Registration;
import dev.portal.identity.users.Passwords;
import dev.portal.platform.saga.SagaInstances;
import dev.portal.platform.saga.SagaSteps;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Signup as a saga against the sandbox with faults: Salesforce away while the account is being created (retried by
 * the leader, or parked and retried by an operator through {@code /actuator/sagas}), and a process that died
 * between two steps (resumed by the leader from what it stored).
 */
class SignupSagaIT extends IdentityTestBase {

    private static final String JIRO = "SF-100005";
    private static final String EMAIL = "jiro.kobayashi@example.jp";
    private static final String PASSWORD = "a long portal password";

    @Autowired WhmcsClient whmcs;
    @Autowired SagaInstances instances;
    @Autowired SagaSteps steps;
    @Autowired TransactionTemplate transactions;
    @Autowired Passwords passwords;

    @Test
    void salesforce_down_during_signup_parks_the_update_and_an_operator_retry_completes_it_once_salesforce_is_back() {
        String accountId = account().path("Id").asString();
        HttpResponse<String> response = signupWhileSalesforceFails("{\"failure\":\"status\",\"status\":503}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).path("salesforceLinked").asBoolean()).isFalse();
        int whmcsClientId = json(response).path("whmcsClientId").asInt();
        UUID userId = UUID.fromString(json(response).path("userId").asString());
        await().atMost(Duration.ofSeconds(60)).until(() -> "PARKED".equals(status()));
        String token = json(post("/api/auth/login", Map.of("email", EMAIL, "password", PASSWORD))).path("accessToken").asString();
        JsonNode parked = json(get("/actuator/sagas/" + sagaId(), token));
        assertThat(parked.path("status").asString()).isEqualTo("PARKED");
        assertThat(parked.path("reason").asString()).contains("link-salesforce-account failed 3 times");
        assertThat(parked.path("steps").findValuesAsString("status")).containsExactly("SUCCEEDED", "SUCCEEDED", "PARKED");
        assertThat(data(awaitEvent("identity.user.events", userId.toString(), "portal.identity.salesforce-link-parked.v1"))
                .path("sfAccountId").asString()).isEqualTo(accountId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/actuator/prometheus", null).body().lines()
                .filter(line -> line.startsWith("portal_identity_signup_salesforce_pending{"))).singleElement().asString().endsWith(" 1.0"));

        SANDBOX.clearFaults();
        HttpResponse<String> retried = send(HttpRequest.newBuilder(uri("/actuator/sagas/" + sagaId()))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json(retried).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(account().path("WH_Account__c").asString()).isEqualTo(String.valueOf(whmcsClientId));
        assertThat(account().path("Portal_Status__c").asString()).isEqualTo("Registered");
    }

    @Test
    void salesforce_back_before_the_last_attempt_lets_the_leader_complete_the_signup_without_parking() {
        // the in-request update and its client's own retries fail; the leader's next attempt finds Salesforce back
        HttpResponse<String> response = signupWhileSalesforceFails("{\"failure\":\"status\",\"status\":503,\"remaining\":3}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).path("salesforceLinked").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(status()));
        assertThat(account().path("WH_Account__c").asString()).isEqualTo(json(response).path("whmcsClientId").asString());
        assertThat(jdbc.sql("select attempts from saga_steps where step = 'link-salesforce-account'").query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void a_signup_whose_process_died_between_creating_the_whmcs_client_and_the_user_is_resumed_from_what_it_stored() {
        // what the dead process did: it created the WHMCS client and recorded it, then went away
        long created = whmcs.addClient(new NewClient("Jiro", "Kobayashi", EMAIL, "1-2-3 Shibuya", "Room 101", "Shibuya-ku", "Tokyo",
                "150-0002", "JP", "+81-90-1111-2222", "Unknown-Pass-1", null, true));
        Registration jiro = StoredSignups.jiro(JIRO, EMAIL, account().path("Id").asString(), passwords.hash(PASSWORD));
        new StoredSignups(instances, steps, transactions).diedAfterCreatingTheWhmcsClient(jiro, created, Instant.now());

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(status()));

        assertThat(jdbc.sql("select whmcs_client_id from id_mappings where user_id = ?").param(jiro.userId())
                .query(Long.class).single()).isEqualTo(created);
        assertThat(account().path("WH_Account__c").asString()).isEqualTo(String.valueOf(created));
        assertThat(awaitEvent("identity.user.events", jiro.userId().toString(), "portal.identity.user-registered.v1")).isNotNull();
        assertThat(post("/api/auth/login", Map.of("email", EMAIL, "password", PASSWORD)).statusCode())
                .as("the customer logs in with the password of the signup").isEqualTo(200);
        assertThat(whmcs.addClient(new NewClient("Probe", "Client", "probe-" + UUID.randomUUID() + "@example.jp", "1 Probe St", "",
                "Chiyoda-ku", "Tokyo", "100-0001", "JP", "+81-3-0000-0000", "Probe-Pass-1", null, true)))
                .as("no second client for Jiro").isEqualTo(created + 1);
    }

    /**
     * Signs Jiro up with {@code salesforceFault} put in place after the Account query and before the Account update:
     * WHMCS answers slowly, which opens the window.
     */
    private HttpResponse<String> signupWhileSalesforceFails(String salesforceFault) {
        givenOwnershipCode(JIRO, EMAIL);
        account(); // warm the Salesforce login so the signup's first Salesforce call is the Account query
        SANDBOX.fault("whmcs", "{\"latencyMs\":1500,\"remaining\":2}");
        CompletableFuture<HttpResponse<String>> signup = CompletableFuture.supplyAsync(
                () -> post("/api/auth/signup", signup(JIRO, EMAIL, PASSWORD)));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> !SANDBOX.admin("GET", "/sandbox/admin/faults", null).contains("\"remaining\":2"));
        SANDBOX.fault("salesforce", salesforceFault);
        return signup.join();
    }

    private String status() {
        return jdbc.sql("select status from saga_instances where saga_name = 'signup'").query(String.class).single();
    }

    private UUID sagaId() {
        return jdbc.sql("select id from saga_instances where saga_name = 'signup'").query(UUID.class).single();
    }

    private JsonNode account() {
        return salesforceClient.queryTrees("SELECT Id, WH_Account__c, Portal_Status__c FROM Account WHERE SF_Account_No__c = '" + JIRO + "'")
                .getFirst();
    }
}
