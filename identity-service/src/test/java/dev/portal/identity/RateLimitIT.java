package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.users.Passwords;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Rate limits kept in PostgreSQL: exact per client IP across replicas, login failures per (email, IP) and per account. */
class RateLimitIT extends IdentityTestBase {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Passwords passwords;
    @Autowired Environment environment;
    private String email;

    @BeforeEach
    void aUser() {
        email = "limits-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                        + " values (?, ?, ?, 'Hanako', 'Yamada', ?, ?)")
                .params(UUID.randomUUID(), email, passwords.hash(PASSWORD), now, now).update();
    }

    @Test
    void the_sixth_reset_request_from_one_ip_within_15_minutes_is_refused_with_retry_after() {
        for (int i = 1; i <= 5; i++) {
            assertThat(postFrom("203.0.113.7", "/api/auth/password-reset/request", Map.of("email", email)).statusCode())
                    .as("request %d", i).isEqualTo(202);
        }

        HttpResponse<String> sixth = postFrom("203.0.113.7", "/api/auth/password-reset/request", Map.of("email", email));

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(problemCode(sixth)).isEqualTo("rate-limited");
        assertThat(sixth.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(890L, 900L);
        assertThat(postFrom("198.51.100.9", "/api/auth/password-reset/request", Map.of("email", email)).statusCode())
                .as("another client is not affected").isEqualTo(202);
    }

    @Test
    void the_limit_is_exact_across_two_instances_on_one_database() {
        try (ConfigurableApplicationContext second = secondInstance()) {
            String otherPort = second.getEnvironment().getProperty("local.server.port");
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 8; i++) {
                String base = i % 2 == 0 ? "http://localhost:" + port : "http://localhost:" + otherPort;
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/password-reset/request"))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.8")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email)))));
                if (i < 5) {
                    assertThat(response.statusCode()).as("request %d", i + 1).isEqualTo(202);
                    accepted++;
                } else {
                    assertThat(response.statusCode()).as("request %d", i + 1).isEqualTo(429);
                    assertThat(problemCode(response)).isEqualTo("rate-limited");
                    refused++;
                }
            }
            assertThat(accepted).isEqualTo(5);
            assertThat(refused).isEqualTo(3);
        }
    }

    @Test
    void login_failures_lock_the_email_from_that_ip_but_not_from_another() {
        for (int i = 0; i < 5; i++) {
            assertThat(postFrom("203.0.113.20", "/api/auth/login", Map.of("email", email, "password", "wrong guess " + i))
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = postFrom("203.0.113.20", "/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(problemCode(locked)).isEqualTo("rate-limited");

        assertThat(postFrom("198.51.100.20", "/api/auth/login", Map.of("email", email, "password", PASSWORD)).statusCode())
                .as("the real user elsewhere still logs in").isEqualTo(200);
    }

    @Test
    void a_success_forgets_the_failures_of_that_email_and_ip() {
        for (int i = 0; i < 4; i++) {
            postFrom("203.0.113.21", "/api/auth/login", Map.of("email", email, "password", "wrong guess " + i));
        }
        assertThat(postFrom("203.0.113.21", "/api/auth/login", Map.of("email", email, "password", PASSWORD)).statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(postFrom("203.0.113.21", "/api/auth/login", Map.of("email", email, "password", "typo " + i)).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void failures_from_many_ips_lock_the_account_briefly() {
        for (int i = 0; i < 20; i++) {
            assertThat(postFrom("192.0.2." + (i + 1), "/api/auth/login", Map.of("email", email, "password", "spray " + i))
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = postFrom("198.51.100.99", "/api/auth/login", Map.of("email", email, "password", PASSWORD));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .as("the account lock lifts within its 5 minute window").isBetween(1L, 300L);
    }

    @Test
    void signup_is_limited_per_ip() {
        for (int i = 0; i < 10; i++) {
            assertThat(postFrom("203.0.113.30", "/api/auth/signup", signup("SF-999999", "s" + i + "@example.jp", "long enough password"))
                    .statusCode()).isEqualTo(422);
        }
        HttpResponse<String> refused = postFrom("203.0.113.30", "/api/auth/signup", signup("SF-999999", "s@example.jp", "long enough password"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(problemCode(refused)).isEqualTo("rate-limited");
    }

    @Test
    void link_is_limited_per_ip_so_whmcs_passwords_cannot_be_guessed_at_speed() {
        for (int i = 0; i < 10; i++) {
            assertThat(postFrom("203.0.113.31", "/api/auth/link", Map.of("customerNumber", "SF-100003", "email", "aiko.tanaka@example.jp",
                    "whmcsPassword", "guess " + i, "password", "long enough password")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = postFrom("203.0.113.31", "/api/auth/link", Map.of("customerNumber", "SF-100003",
                "email", "aiko.tanaka@example.jp", "whmcsPassword", SANDBOX_PASSWORD, "password", "long enough password"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(problemCode(refused)).isEqualTo("rate-limited");
        assertThat(jdbc.sql("select count(*) from users where lower(email) = 'aiko.tanaka@example.jp'").query(Integer.class).single())
                .isZero();
    }

    /** A second identity-service on the same database, Kafka and sandbox (its relay, listeners and saga leader off: not needed here). */
    private ConfigurableApplicationContext secondInstance() {
        Map<String, Object> properties = new java.util.HashMap<>();
        for (String name : new String[] {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "portal.clients.whmcs.base-url", "portal.clients.whmcs.identifier",
                "portal.clients.whmcs.secret", "portal.clients.salesforce.base-url", "portal.clients.salesforce.client-id",
                "portal.clients.salesforce.client-secret", "spring.mail.host", "spring.mail.port"}) {
            properties.put(name, environment.getProperty(name));
        }
        properties.put("server.port", "0");
        properties.put("portal.outbox.relay-enabled", "false");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("portal.saga.leader-enabled", "false");
        // as arguments: builder "properties" are defaults, which application.yml would override
        return new SpringApplicationBuilder(IdentityServiceApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
