package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.users.Passwords;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What a logged-in user changes about the account: the password (proving the current one) and the email (by link). */
class AccountChangesIT extends IdentityTestBase {

    private static final String EMAIL = "hanako.yamada@example.jp";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/confirm-email\\?token=([A-Za-z0-9_-]{43})");

    @Autowired Passwords passwords;
    @Autowired WhmcsClient whmcs;
    private UUID userId;

    @BeforeEach
    void hanakoLinkedToWhmcsClient1() {
        userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, ?, ?, 'Hanako', 'Yamada', ?, ?)").params(userId, EMAIL, passwords.hash(PASSWORD), now, now).update();
        jdbc.sql("insert into id_mappings (user_id, whmcs_client_id, sf_account_id, created_at) values (?, 1, '001000000000001AAA', ?)")
                .params(userId, now).update();
    }

    @Test
    void a_stolen_session_cannot_change_the_password_without_the_current_one() {
        String access = login(EMAIL, PASSWORD).path("accessToken").asString();

        HttpResponse<String> refused = post("/api/me/password", Map.of("currentPassword", "a guess", "newPassword", "the thief's password"),
                access);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("current-password-invalid");
        assertThat(post("/api/auth/login", Map.of("email", EMAIL, "password", PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void changing_the_password_ends_every_other_session_and_keeps_the_callers() {
        JsonNode other = login(EMAIL, PASSWORD);
        JsonNode mine = login(EMAIL, PASSWORD);

        HttpResponse<String> changed = post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"),
                mine.path("accessToken").asString());

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(get("/api/me", json(changed).path("accessToken").asString()).statusCode()).as("the caller's new session").isEqualTo(200);
        assertThat(problemCode(get("/api/me", other.path("accessToken").asString()))).isEqualTo("token-revoked");
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", other.path("refreshToken").asString())).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", mine.path("refreshToken").asString())).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/login", Map.of("email", EMAIL, "password", PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/login", Map.of("email", EMAIL, "password", "a brand new passphrase")).statusCode()).isEqualTo(200);
        assertThat(data(awaitEvent("identity.user.events", userId.toString(), "portal.identity.password-changed.v1"))
                .path("via").asString()).isEqualTo("password-change");
        assertThat(data(awaitEvent("identity.user.events", userId.toString(), "portal.identity.sessions-revoked.v1"))
                .path("reason").asString()).isEqualTo("password-changed");
        assertThat(awaitMail(EMAIL, "Your portal password was changed")).isNotNull();
    }

    @Test
    void an_email_change_takes_effect_only_through_the_link_mailed_to_the_new_address_and_the_old_address_is_told() {
        String access = login(EMAIL, PASSWORD).path("accessToken").asString();
        String newEmail = "hanako.new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";

        HttpResponse<String> requested = post("/api/me/email", Map.of("newEmail", newEmail, "currentPassword", PASSWORD), access);

        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(post("/api/auth/login", Map.of("email", newEmail, "password", PASSWORD)).statusCode()).as("not yet").isEqualTo(401);
        Matcher link = LINK.matcher(awaitMail(newEmail, "Confirm your new portal email").path("text").asString());
        assertThat(link.find()).isTrue();

        HttpResponse<String> confirmed = post("/api/auth/email-change/confirm", Map.of("token", link.group(1)));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        assertThat(post("/api/auth/login", Map.of("email", newEmail, "password", PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/login", Map.of("email", EMAIL, "password", PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(whmcs.getClientsDetails(ClientLookup.byId(1), false).client().email()).as("WHMCS follows").isEqualTo(newEmail);
        assertThat(awaitMail(EMAIL, "Your portal email was changed").path("text").asString()).contains("ha***@example.jp");
        assertThat(awaitEvent("identity.user.events", userId.toString(), "portal.identity.email-changed.v1")).isNotNull();
        assertThat(post("/api/auth/email-change/confirm", Map.of("token", link.group(1))).statusCode()).as("single use").isEqualTo(400);
    }

    @Test
    void an_email_change_to_another_accounts_address_is_email_taken_and_needs_the_current_password() {
        String access = login(EMAIL, PASSWORD).path("accessToken").asString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, 'taro.suzuki@example.jp', 'x', 'Taro', 'Suzuki', ?, ?)").params(UUID.randomUUID(), now, now).update();

        HttpResponse<String> taken = post("/api/me/email", Map.of("newEmail", "Taro.Suzuki@example.jp", "currentPassword", PASSWORD), access);
        HttpResponse<String> wrongPassword = post("/api/me/email", Map.of("newEmail", "free@example.jp", "currentPassword", "guess"), access);

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(problemCode(taken)).isEqualTo("email-taken");
        assertThat(problemCode(wrongPassword)).isEqualTo("current-password-invalid");
        assertThat(jdbc.sql("select count(*) from email_changes").query(Integer.class).single()).isZero();
    }

    private JsonNode login(String email, String password) {
        HttpResponse<String> login = post("/api/auth/login", Map.of("email", email, "password", password));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json(login);
    }
}
