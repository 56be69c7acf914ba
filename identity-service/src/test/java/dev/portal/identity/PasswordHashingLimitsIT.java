package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.users.Passwords;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Argon2 is the expensive part of the public endpoints: what does not need a hash never gets one, and what does is
 * limited per client address whatever the email.
 */
class PasswordHashingLimitsIT extends IdentityTestBase {

    @Autowired MeterRegistry meters;
    @Autowired Passwords passwords;

    @Test
    void reset_confirmations_with_made_up_tokens_are_refused_without_hashing_anything() {
        double before = hashes();

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = postFrom("203.0.113.60", "/api/auth/password-reset/confirm",
                    Map.of("token", "made-up-" + UUID.randomUUID(), "password", "a perfectly fine new password"));
            assertThat(problemCode(refused)).isEqualTo("reset-token-invalid");
        }

        assertThat(hashes() - before).as("Argon2 computations for 5 made-up tokens").isZero();
    }

    @Test
    void reset_confirmations_are_limited_per_client_address() {
        for (int i = 0; i < 10; i++) {
            assertThat(postFrom("203.0.113.61", "/api/auth/password-reset/confirm",
                    Map.of("token", "made-up-" + i, "password", "a perfectly fine new password")).statusCode()).isEqualTo(400);
        }

        HttpResponse<String> refused = postFrom("203.0.113.61", "/api/auth/password-reset/confirm",
                Map.of("token", "made-up-11", "password", "a perfectly fine new password"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(problemCode(refused)).isEqualTo("rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void random_emails_from_one_address_cannot_buy_argon2_verifications_without_bound() {
        double before = hashes();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> failed = postFrom("203.0.113.62", "/api/auth/login",
                    Map.of("email", "random-" + UUID.randomUUID() + "@example.jp", "password", "guess"));
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(401);
        }

        HttpResponse<String> refused = postFrom("203.0.113.62", "/api/auth/login",
                Map.of("email", "random-" + UUID.randomUUID() + "@example.jp", "password", "guess"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(problemCode(refused)).isEqualTo("rate-limited");
        assertThat(hashes() - before).as("one verification per allowed attempt, none for the refused one").isEqualTo(30);
        assertThat(postFrom("203.0.113.63", "/api/auth/login", Map.of("email", "random@example.jp", "password", "guess")).statusCode())
                .as("another address is not affected").isEqualTo(401);
    }

    @Test
    void an_address_over_its_failure_limit_is_refused_before_any_password_is_checked() {
        String email = "limited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, ?, ?, 'Hanako', 'Yamada', ?, ?)").params(UUID.randomUUID(), email, passwords.hash("the right password"), now, now)
                .update();
        for (int i = 0; i < 30; i++) {
            postFrom("203.0.113.64", "/api/auth/login", Map.of("email", "random-" + i + "@example.jp", "password", "guess"));
        }

        HttpResponse<String> refused = postFrom("203.0.113.64", "/api/auth/login", Map.of("email", email, "password", "the right password"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    }

    private double hashes() {
        return meters.get("portal.identity.hashing.computations").counter().count();
    }
}
