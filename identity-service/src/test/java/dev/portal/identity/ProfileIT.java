package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.clients.whmcs.ClientDetails;
import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.ClientUpdate;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.users.Passwords;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Profile and address read from and written to the sandbox's WHMCS, cached and invalidated on update. */
class ProfileIT extends IdentityTestBase {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Passwords passwords;
    @Autowired WhmcsClient whmcs;
    private UUID userId;
    private String access;

    @BeforeEach
    void hanakoLinkedToWhmcsClient1() {
        jdbc.sql("delete from profile_cache").update();
        userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                        + " values (?, 'hanako.yamada@example.jp', ?, 'Hanako', 'Yamada', ?, ?)")
                .params(userId, passwords.hash(PASSWORD), now, now).update();
        jdbc.sql("insert into id_mappings (user_id, whmcs_client_id, sf_account_id, created_at) values (?, 1, '001000000000001AAA', ?)")
                .params(userId, now).update();
        access = json(post("/api/auth/login", Map.of("email", "hanako.yamada@example.jp", "password", PASSWORD))).path("accessToken").asString();
    }

    @Test
    void the_profile_is_read_from_whmcs_cached_and_re_read_after_an_update() {
        HttpResponse<String> first = get("/api/me/profile", access);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("firstName").asString()).isEqualTo("Hanako");
        assertThat(json(first).path("email").asString()).isEqualTo("hanako.yamada@example.jp");

        whmcs.updateClient(ClientUpdate.of(1).withPhonenumber("+81-3-9999-0000")); // behind the portal's back
        assertThat(json(get("/api/me/profile", access)).path("phone").asString()).as("served from the cache")
                .isEqualTo(json(first).path("phone").asString());

        HttpResponse<String> patched = send(patch("/api/me/profile", Map.of("lastName", "Yamada-Sato")));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).path("lastName").asString()).isEqualTo("Yamada-Sato");
        assertThat(json(patched).path("phone").asString()).as("the update cleared the cache").isEqualTo("+81-3-9999-0000");
        assertThat(client().lastname()).isEqualTo("Yamada-Sato");
        assertThat(client().firstname()).as("left out = unchanged").isEqualTo("Hanako");
        assertThat(json(get("/api/me", access)).path("lastName").asString()).isEqualTo("Yamada-Sato");

        JsonNode event = data(awaitEvent("identity.user.events", userId.toString(), "portal.identity.profile-updated.v1"));
        assertThat(event.path("whmcsClientId").asInt()).isEqualTo(1);
        assertThat(event.path("fields").get(0).asString()).isEqualTo("lastName");
    }

    @Test
    void the_company_name_is_written_to_whmcs_and_served_once_the_cache_is_cleared() {
        HttpResponse<String> first = get("/api/me/profile", access);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("companyName").isNull()).as("the sandbox customer has none").isTrue();
        assertThat(jdbc.sql("select count(*) from profile_cache where user_id = ?").param(userId).query(Long.class).single())
                .as("the read was cached").isEqualTo(1);

        HttpResponse<String> patched = send(patch("/api/me/profile", Map.of("companyName", "  Yamada Shoji KK ")));

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).path("companyName").asString()).isEqualTo("Yamada Shoji KK");
        assertThat(client().companyname()).isEqualTo("Yamada Shoji KK");
        assertThat(client().lastname()).as("left out = unchanged").isEqualTo("Yamada");
        assertThat(json(get("/api/me/profile", access)).path("companyName").asString()).isEqualTo("Yamada Shoji KK");
        JsonNode event = data(awaitEvent("identity.user.events", userId.toString(), "portal.identity.profile-updated.v1"));
        assertThat(event.path("fields").toString()).isEqualTo("[\"companyName\"]");

        HttpResponse<String> cleared = send(patch("/api/me/profile", Map.of("companyName", "")));

        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(json(cleared).path("companyName").isNull()).as("an empty name clears it").isTrue();
        assertThat(client().companyname()).isEmpty();
    }

    @Test
    void a_company_name_over_100_characters_is_validation_failed_and_never_reaches_whmcs() {
        HttpResponse<String> refused = send(patch("/api/me/profile", Map.of("companyName", "K".repeat(101))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("validation-failed");
        assertThat(client().companyname()).isEmpty();
    }

    @Test
    void the_address_is_replaced_whole() {
        HttpResponse<String> put = send(put("/api/me/address", Map.of("address1", "4-5-6 Umeda", "city", "Kita-ku", "state", "Osaka",
                "postcode", "530-0001", "country", "JP")));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode address = json(get("/api/me/address", access));
        assertThat(address.path("address1").asString()).isEqualTo("4-5-6 Umeda");
        assertThat(address.path("city").asString()).isEqualTo("Kita-ku");
        assertThat(address.path("address2").isNull()).as("left out = cleared").isTrue();
        assertThat(client().state()).isEqualTo("Osaka");
    }

    @Test
    void unknown_fields_are_refused_by_name_and_nothing_is_written() {
        String before = client().email();

        HttpResponse<String> refused = send(patch("/api/me/profile", Map.of("firstName", "Mallory", "email", "mallory@example.jp",
                "status", "Closed")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("unknown-fields");
        assertThat(json(refused).path("fields").toString()).isEqualTo("[\"email\",\"status\"]");
        assertThat(client().firstname()).isEqualTo("Hanako");
        assertThat(client().email()).isEqualTo(before);
        assertThat(client().status()).isEqualTo("Active");
    }

    @Test
    void invalid_values_are_validation_failed_and_never_reach_whmcs() {
        HttpResponse<String> badCountry = send(put("/api/me/address", Map.of("address1", "x", "city", "y", "state", "z",
                "postcode", "1", "country", "Japan")));
        HttpResponse<String> badPhone = send(patch("/api/me/profile", Map.of("phone", "call me maybe")));

        assertThat(badCountry.statusCode()).isEqualTo(400);
        assertThat(problemCode(badCountry)).isEqualTo("validation-failed");
        assertThat(badCountry.body()).contains("country");
        assertThat(problemCode(badPhone)).isEqualTo("validation-failed");
        assertThat(client().country()).isEqualTo("JP");
    }

    @Test
    void a_user_without_a_whmcs_client_is_not_linked() {
        jdbc.sql("delete from id_mappings where user_id = ?").param(userId).update();

        HttpResponse<String> response = get("/api/me/profile", access);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("account-not-linked");
    }

    @Test
    void whmcs_down_is_a_503_problem() {
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> response = get("/api/me/address", access);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problemCode(response)).isEqualTo("upstream-unavailable");
    }

    private ClientDetails client() {
        return whmcs.getClientsDetails(ClientLookup.byId(1), false).client();
    }

    private HttpRequest.Builder patch(String path, Object body) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private HttpRequest.Builder put(String path, Object body) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
}
