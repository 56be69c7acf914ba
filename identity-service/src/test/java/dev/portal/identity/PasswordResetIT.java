package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.identity.users.Passwords;
import dev.portal.platform.events.EventEnvelope;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Reset request -> mail through the outbox, Kafka and SMTP into the sandbox sink -> confirm -> old sessions rejected. */
class PasswordResetIT extends IdentityTestBase {

    private static final String OLD = "correct horse battery";
    private static final String NEW = "a brand new passphrase";
    private static final Pattern LINK = Pattern.compile("https://portal\\.example/reset-password\\?token=([A-Za-z0-9_-]{43})");

    @Autowired Passwords passwords;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    private UUID userId;
    private String email;

    @BeforeEach
    void aUser() {
        userId = UUID.randomUUID();
        email = "reset-" + userId.toString().substring(0, 8) + "@example.jp";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                        + " values (?, ?, ?, 'Hanako', 'Yamada', ?, ?)")
                .params(userId, email, passwords.hash(OLD), now, now).update();
    }

    @Test
    void reset_mails_a_single_use_link_and_revokes_every_session() throws Exception {
        JsonNode session = json(post("/api/auth/login", Map.of("email", email, "password", OLD)));

        HttpResponse<String> requested = post("/api/auth/password-reset/request", Map.of("email", email.toUpperCase()));
        assertThat(requested.statusCode()).isEqualTo(202);

        JsonNode mail = awaitMail(email);
        assertThat(mail.path("subject").asString()).isEqualTo("Reset your portal password");
        Matcher link = LINK.matcher(mail.path("text").asString());
        assertThat(link.find()).as(mail.path("text").asString()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.sql("select count(*) from password_reset_tokens where token_hash = ?").param(sha256(token))
                .query(Integer.class).single()).as("only the SHA-256 of the token is stored").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from password_reset_tokens where token_hash = ?")
                .param(token.getBytes(StandardCharsets.UTF_8)).query(Integer.class).single()).isZero();

        HttpResponse<String> confirmed = post("/api/auth/password-reset/confirm", Map.of("token", token, "password", NEW));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);

        HttpResponse<String> oldAccess = get("/api/me", session.path("accessToken").asString());
        assertThat(oldAccess.statusCode()).isEqualTo(401);
        assertThat(problemCode(oldAccess)).isEqualTo("token-revoked");
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString())).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/auth/login", Map.of("email", email, "password", OLD)).statusCode()).isEqualTo(401);
        HttpResponse<String> fresh = post("/api/auth/login", Map.of("email", email, "password", NEW));
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(get("/api/me", json(fresh).path("accessToken").asString()).statusCode()).isEqualTo(200);

        HttpResponse<String> again = post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "yet another passphrase"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(problemCode(again)).isEqualTo("reset-token-invalid");

        JsonNode revoked = data(awaitEvent("identity.user.events", userId.toString(), "portal.identity.sessions-revoked.v1"));
        assertThat(revoked.path("reason").asString()).isEqualTo("password-reset");
        assertThat(revoked.path("sessionVersion").asInt()).isEqualTo(1);
        JsonNode changed = data(awaitEvent("identity.user.events", userId.toString(), "portal.identity.password-changed.v1"));
        assertThat(changed.path("via").asString()).isEqualTo("password-reset");
    }

    @Test
    void an_unknown_email_gets_the_same_answer_and_no_mail() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";

        HttpResponse<String> forUnknown = post("/api/auth/password-reset/request", Map.of("email", unknown));
        HttpResponse<String> forKnown = post("/api/auth/password-reset/request", Map.of("email", email));

        assertThat(forUnknown.statusCode()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        awaitMail(email); // sent after the unknown one was handled, through the same path
        assertThat(mails(unknown).size()).isZero();
    }

    @Test
    void expired_and_unknown_tokens_are_refused() {
        String expired = "expired-token-000000000000000000000000000000";
        jdbc.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(sha256(expired), userId, Timestamp.from(Instant.now().minusSeconds(3600)),
                        Timestamp.from(Instant.now().minusSeconds(1))).update();

        HttpResponse<String> late = post("/api/auth/password-reset/confirm", Map.of("token", expired, "password", NEW));
        HttpResponse<String> unknown = post("/api/auth/password-reset/confirm", Map.of("token", "no-such-token", "password", NEW));

        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(problemCode(late)).isEqualTo("reset-token-invalid");
        assertThat(problemCode(unknown)).isEqualTo("reset-token-invalid");
        assertThat(post("/api/auth/login", Map.of("email", email, "password", OLD)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_weak_password_is_refused_and_leaves_the_token_usable() {
        String token = "valid-token-0000000000000000000000000000000";
        jdbc.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(sha256(token), userId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plusSeconds(600))).update();

        HttpResponse<String> weak = post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "short"));

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(problemCode(weak)).isEqualTo("validation-failed");
        assertThat(post("/api/auth/password-reset/confirm", Map.of("token", token, "password", NEW)).statusCode()).isEqualTo(204);
    }

    @Test
    void a_redelivered_mail_request_is_sent_once() throws Exception {
        String to = "dedupe-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        String key = UUID.randomUUID().toString();
        EventEnvelope request = mailEvent(UUID.randomUUID().toString(), key, to, "once");
        kafka.send(request.toProducerRecord("portal.mail.requests")).get();
        kafka.send(request.toProducerRecord("portal.mail.requests")).get(); // the relay resending after a crash does this
        // same key, same partition: once the marker is in the sink, both copies before it were handled
        kafka.send(mailEvent(UUID.randomUUID().toString(), key, to, "marker").toProducerRecord("portal.mail.requests")).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> mails(to).size() >= 2);
        JsonNode received = mails(to);
        assertThat(received.size()).isEqualTo(2);
        assertThat(received.get(0).path("subject").asString()).isEqualTo("once");
        assertThat(received.get(1).path("subject").asString()).isEqualTo("marker");
    }

    private static EventEnvelope mailEvent(String id, String key, String to, String subject) {
        byte[] data = JSON.writeValueAsBytes(Map.of("messageId", key, "to", to, "subject", subject, "text", "hello"));
        return new EventEnvelope(id, "portal.mail.requested.v1", URI.create("urn:portal:identity-service"), key,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, data, Map.of());
    }

    private JsonNode awaitMail(String to) {
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(to).size() > 0);
        return mails(to).get(0);
    }

}
