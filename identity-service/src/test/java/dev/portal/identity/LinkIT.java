package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.clients.salesforce.SalesforceClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An existing WHMCS client (SF-100003 Aiko Tanaka) proves its WHMCS password once and gets a portal account. */
class LinkIT extends IdentityTestBase {

    private static final String PORTAL_PASSWORD = "a new portal password";

    @Autowired SalesforceClient salesforce;

    @Test
    void aiko_links_her_whmcs_client_and_logs_in_with_her_new_portal_password() {
        HttpResponse<String> response = post("/api/auth/link", link("SF-100003", "aiko.tanaka@example.jp", SANDBOX_PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).path("whmcsClientId").asInt()).isEqualTo(3);
        assertThat(json(response).path("salesforceLinked").asBoolean()).isTrue();
        JsonNode account = salesforce.queryTrees("SELECT WH_Account__c, Portal_Status__c FROM Account WHERE SF_Account_No__c = 'SF-100003'").getFirst();
        assertThat(account.path("WH_Account__c").asString()).isEqualTo("3");
        assertThat(account.path("Portal_Status__c").asString()).isEqualTo("Registered");
        JsonNode linked = data(awaitEvent("identity.user.events", json(response).path("userId").asString(),
                "portal.identity.account-linked.v1"));
        assertThat(linked.path("whmcsClientId").asInt()).isEqualTo(3);
        assertThat(linked.path("sfAccountId").asString()).isEqualTo(json(response).path("sfAccountId").asString());

        HttpResponse<String> login = post("/api/auth/login", Map.of("email", "aiko.tanaka@example.jp", "password", PORTAL_PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode me = json(get("/api/me", json(login).path("accessToken").asString()));
        assertThat(me.path("firstName").asString()).isEqualTo("Aiko");
        assertThat(me.path("whmcsClientId").asInt()).isEqualTo(3);
        assertThat(post("/api/auth/login", Map.of("email", "aiko.tanaka@example.jp", "password", SANDBOX_PASSWORD)).statusCode())
                .as("the WHMCS password is not the portal password").isEqualTo(401);
    }

    @Test
    void a_wrong_whmcs_password_is_invalid_credentials_and_links_nothing() {
        HttpResponse<String> response = post("/api/auth/link", link("SF-100003", "aiko.tanaka@example.jp", "wrong-password"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(problemCode(response)).isEqualTo("invalid-credentials");
        assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single()).isZero();
    }

    @Test
    void an_account_already_linked_is_already_linked() {
        HttpResponse<String> response = post("/api/auth/link", link("SF-100001", "hanako.yamada@example.jp", SANDBOX_PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("already-linked");
    }

    @Test
    void linking_one_customers_whmcs_client_to_another_customers_account_is_account_mismatch() {
        // Mika proves her own WHMCS password, but names Aiko's customer number
        HttpResponse<String> response = post("/api/auth/link", link("SF-100003", "mika.ito@example.jp", SANDBOX_PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(problemCode(response)).isEqualTo("account-mismatch");
        assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single()).isZero();
        assertThat(salesforce.queryTrees("SELECT WH_Account__c FROM Account WHERE SF_Account_No__c = 'SF-100003'").getFirst()
                .path("WH_Account__c").isNull()).as("Aiko's Account stays unlinked").isTrue();
    }

    private static Map<String, Object> link(String customerNumber, String email, String whmcsPassword) {
        return Map.of("customerNumber", customerNumber, "email", email, "whmcsPassword", whmcsPassword, "password", PORTAL_PASSWORD);
    }
}
