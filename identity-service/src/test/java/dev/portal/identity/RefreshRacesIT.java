package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.users.Passwords;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Refreshes that race: with a password reset (the reset must win), and with each other (two tabs are no theft). */
class RefreshRacesIT extends IdentityTestBase {

    private static final String PASSWORD = "correct horse battery";
    private static final int RACES = 15;

    @Autowired Passwords passwords;
    private UUID userId;
    private String email;

    @BeforeEach
    void aUser() {
        userId = UUID.randomUUID();
        email = "racer-" + userId.toString().substring(0, 8) + "@example.jp";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, ?, ?, 'Taro', 'Suzuki', ?, ?)").params(userId, email, passwords.hash(PASSWORD), now, now).update();
    }

    @Test
    void a_refresh_racing_a_password_reset_never_yields_a_session_that_outlives_the_reset() throws Exception {
        for (int round = 0; round < RACES; round++) {
            int race = round;
            String refresh = json(post("/api/auth/login", Map.of("email", email, "password", currentPassword(race)))).path("refreshToken")
                    .asString();
            String resetToken = "race-" + race + "-" + UUID.randomUUID();
            jdbc.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
                    .params(sha256(resetToken), userId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plusSeconds(600))).update();

            List<HttpResponse<String>> answers = together(
                    () -> post("/api/auth/refresh", Map.of("refreshToken", refresh)),
                    () -> postFrom("203.0.113." + (100 + race), "/api/auth/password-reset/confirm",
                            Map.of("token", resetToken, "password", currentPassword(race + 1))));

            assertThat(answers.get(1).statusCode()).as("race %d: the reset, %s", race, answers.get(1).body()).isEqualTo(204);
            HttpResponse<String> rotated = answers.get(0);
            if (rotated.statusCode() == 200) {
                JsonNode tokens = json(rotated);
                assertThat(get("/api/me", tokens.path("accessToken").asString()).statusCode())
                        .as("race %d: the access token the refresh issued", race).isEqualTo(401);
                assertThat(post("/api/auth/refresh", Map.of("refreshToken", tokens.path("refreshToken").asString())).statusCode())
                        .as("race %d: the refresh token the refresh issued", race).isEqualTo(401);
            } else {
                assertThat(rotated.statusCode()).as("race %d: %s", race, rotated.body()).isEqualTo(401);
            }
        }
    }

    @Test
    void two_tabs_refreshing_at_once_get_the_same_successor_and_no_session_is_revoked() throws Exception {
        JsonNode session = json(post("/api/auth/login", Map.of("email", email, "password", PASSWORD)));
        String refresh = session.path("refreshToken").asString();

        List<HttpResponse<String>> tabs = together(
                () -> post("/api/auth/refresh", Map.of("refreshToken", refresh)),
                () -> post("/api/auth/refresh", Map.of("refreshToken", refresh)));

        assertThat(tabs).allSatisfy(tab -> assertThat(tab.statusCode()).as(tab.body()).isEqualTo(200));
        String successor = json(tabs.get(0)).path("refreshToken").asString();
        assertThat(json(tabs.get(1)).path("refreshToken").asString()).as("the same successor for both tabs").isEqualTo(successor);
        assertThat(jdbc.sql("select session_version from users where id = ?").param(userId).query(Integer.class).single())
                .as("no reuse alarm").isZero();
        assertThat(get("/api/me", session.path("accessToken").asString()).statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", successor)).statusCode()).as("the successor works").isEqualTo(200);
    }

    @Test
    void the_same_successor_is_given_only_within_the_grace_and_only_while_it_is_unused() {
        String refresh = json(post("/api/auth/login", Map.of("email", email, "password", PASSWORD))).path("refreshToken").asString();
        String successor = json(post("/api/auth/refresh", Map.of("refreshToken", refresh))).path("refreshToken").asString();
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", successor)).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = post("/api/auth/refresh", Map.of("refreshToken", refresh));

        assertThat(replay.statusCode()).as("its successor was used already: a copy, not a second tab").isEqualTo(401);
        assertThat(jdbc.sql("select session_version from users where id = ?").param(userId).query(Integer.class).single())
                .as("every session revoked").isEqualTo(1);
    }

    private static String currentPassword(int resets) {
        return resets == 0 ? PASSWORD : "password after reset " + resets;
    }

    /** Runs both at the same moment (as far as two threads can) and answers in order. */
    @SafeVarargs
    private static List<HttpResponse<String>> together(Supplier<HttpResponse<String>>... calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        try (ExecutorService threads = Executors.newFixedThreadPool(calls.length)) {
            List<CompletableFuture<HttpResponse<String>>> running = java.util.Arrays.stream(calls)
                    .map(call -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return call.get();
                    }, threads)).toList();
            return running.stream().map(CompletableFuture::join).toList();
        }
    }
}
