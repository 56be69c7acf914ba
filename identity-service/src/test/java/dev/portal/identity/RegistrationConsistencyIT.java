package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.NewClient;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.users.Passwords;
import dev.portal.platform.saga.SagaInstances;
import dev.portal.platform.saga.SagaSteps;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a signup does when the stored state and the external systems disagree: an interrupted signup's retry, and the
 * portal's mappings colliding with what a restarted (forgetful) WHMCS or Salesforce hands out.
 */
@ExtendWith(OutputCaptureExtension.class)
class RegistrationConsistencyIT extends IdentityTestBase {

    private static final String JIRO = "SF-100005";
    private static final String EMAIL = "jiro.kobayashi@example.jp";

    @Autowired WhmcsClient whmcs;
    @Autowired SagaInstances instances;
    @Autowired SagaSteps steps;
    @Autowired TransactionTemplate transactions;
    @Autowired Passwords passwords;

    @Test
    void a_retry_of_a_signup_interrupted_before_the_user_existed_sets_the_retrys_password_not_the_first_ones() {
        givenOwnershipCode(JIRO, EMAIL);
        // the first request's attempt: its AddClient answer was lost, nothing exists locally; it stored its password
        whmcs.addClient(new NewClient("Jiro", "Kobayashi", EMAIL, "1-2-3 Shibuya", "", "Shibuya-ku", "Tokyo", "150-0002", "JP",
                "+81-90-1111-2222", "Unknown-Pass-1", null, true));
        new StoredSignups(instances, steps, transactions).whmcsAnswerLost(
                StoredSignups.jiro(JIRO, EMAIL, accountId(JIRO), passwords.hash("the first request's password")), Instant.now());
        Map<String, Object> retry = new HashMap<>(signup(JIRO, EMAIL, "the retry's new password"));
        retry.put("lastName", "Kobayashi-Retry");

        HttpResponse<String> created = post("/api/auth/signup", retry);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(post("/api/auth/login", Map.of("email", EMAIL, "password", "the retry's new password")).statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/login", Map.of("email", EMAIL, "password", "the first request's password")).statusCode())
                .isEqualTo(401);
        assertThat(jdbc.sql("select last_name from users").query(String.class).single()).isEqualTo("Kobayashi-Retry");
        assertThat(whmcs.getClientsDetails(ClientLookup.byEmail(EMAIL), false).client().lastname())
                .as("the WHMCS client the first attempt made follows the retry's data").isEqualTo("Kobayashi-Retry");
    }

    @Test
    void a_whmcs_client_id_the_portal_already_maps_is_a_server_error_naming_the_constraint_never_email_taken(CapturedOutput output) {
        givenOwnershipCode(JIRO, EMAIL);
        long next = whmcs.addClient(new NewClient("Probe", "Client", "probe-" + UUID.randomUUID() + "@example.jp", "1 Probe St", "",
                "Chiyoda-ku", "Tokyo", "100-0001", "JP", "+81-3-0000-0000", "Probe-Pass-1", null, true)) + 1;
        // what a WHMCS that forgot its clients leaves: the id it hands Jiro next is one the portal maps already
        mappedUser("someone.earlier@example.jp", (int) next, "001000000000099AAA");

        HttpResponse<String> response = post("/api/auth/signup", signup(JIRO, EMAIL, "a long portal password"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(problemCode(response)).isEqualTo("internal-error");
        assertThat(response.body()).doesNotContain("id_mappings").doesNotContain("Exception");
        assertThat(output.getOut() + output.getErr()).contains("id_mappings_whmcs_client_id_key");
        assertThat(jdbc.sql("select count(*) from users where lower(email) = ?").param(EMAIL).query(Integer.class).single()).isZero();
    }

    @Test
    void an_account_the_portal_already_maps_is_already_linked_even_when_salesforce_forgot_the_link() {
        givenOwnershipCode(JIRO, EMAIL);
        mappedUser("jiro.before-the-restart@example.jp", 999, accountId(JIRO));

        HttpResponse<String> response = post("/api/auth/signup", signup(JIRO, "jiro.again@example.jp", "a long portal password"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("already-linked");
    }

    private void mappedUser(String email, int whmcsClientId, String sfAccountId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, ?, 'x', 'Some', 'One', ?, ?)").params(id, email, now, now).update();
        jdbc.sql("insert into id_mappings (user_id, whmcs_client_id, sf_account_id, created_at) values (?, ?, ?, ?)")
                .params(id, whmcsClientId, sfAccountId, now).update();
    }

    private String accountId(String customerNumber) {
        return salesforceClient.queryTrees("SELECT Id FROM Account WHERE SF_Account_No__c = '" + customerNumber + "'")
                .getFirst().path("Id").asString();
    }
}
