package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A caller that is not the gateway cannot pick its address for the per-IP limits by sending {@code X-Forwarded-For}:
 * every limit keyed by the client's address holds when each request names another one. The callers come from
 * 127.0.0.x addresses of their own (Linux routes all of 127.0.0.0/8 here), outside the gateway range 127.0.0.1/32.
 */
class SpoofedClientAddressIT extends IdentityTestBase {

    @Test
    void password_reset_requests_naming_a_new_address_each_time_are_still_limited_per_address() {
        String email = "reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        for (int i = 1; i <= 5; i++) {
            assertThat(postFrom("127.0.0.11", "203.0.113." + i, "/api/auth/password-reset/request", Map.of("email", email))
                    .statusCode()).as("request %d", i).isEqualTo(202);
        }

        HttpResponse<String> sixth = postFrom("127.0.0.11", "203.0.113.6", "/api/auth/password-reset/request", Map.of("email", email));

        assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
        assertThat(problemCode(sixth)).isEqualTo("rate-limited");
    }

    @Test
    void signups_naming_a_new_address_each_time_are_still_limited_per_address() {
        for (int i = 1; i <= 10; i++) {
            assertThat(postFrom("127.0.0.12", "203.0.113." + i, "/api/auth/signup", signup("SF-999999", "s" + i + "@example.jp",
                    "long enough password")).statusCode()).as("attempt %d", i).isEqualTo(422);
        }

        HttpResponse<String> refused = postFrom("127.0.0.12", "203.0.113.11", "/api/auth/signup",
                signup("SF-999999", "s11@example.jp", "long enough password"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(problemCode(refused)).isEqualTo("rate-limited");
    }

    @Test
    void whmcs_password_guesses_naming_a_new_address_each_time_are_still_limited_per_address() {
        for (int i = 1; i <= 10; i++) {
            assertThat(postFrom("127.0.0.13", "203.0.113." + i, "/api/auth/link", Map.of("customerNumber", "SF-100003",
                    "email", "aiko.tanaka@example.jp", "whmcsPassword", "guess " + i, "password", "long enough password"))
                    .statusCode()).as("guess %d", i).isEqualTo(401);
        }

        HttpResponse<String> refused = postFrom("127.0.0.13", "203.0.113.11", "/api/auth/link", Map.of("customerNumber", "SF-100003",
                "email", "aiko.tanaka@example.jp", "whmcsPassword", SANDBOX_PASSWORD, "password", "long enough password"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(problemCode(refused)).isEqualTo("rate-limited");
    }

    @Test
    void password_guesses_for_one_email_naming_a_new_address_each_time_are_still_limited_per_email_and_address() {
        String email = "guess-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        for (int i = 1; i <= 5; i++) {
            assertThat(postFrom("127.0.0.14", "203.0.113." + i, "/api/auth/login", Map.of("email", email, "password", "guess " + i))
                    .statusCode()).as("guess %d", i).isEqualTo(401);
        }

        HttpResponse<String> refused = postFrom("127.0.0.14", "203.0.113.6", "/api/auth/login", Map.of("email", email, "password", "guess 6"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(problemCode(refused)).isEqualTo("rate-limited");
    }

    @Test
    void a_gateway_entry_that_is_no_address_is_refused_rather_than_used_as_a_key() {
        HttpResponse<String> response = postFrom("127.0.0.1", "attacker-" + UUID.randomUUID(), "/api/auth/password-reset/request",
                Map.of("email", "someone@example.jp"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("client-address-invalid");
    }

    /** A JSON POST from the local address {@code source}, claiming to be {@code forwardedFor}. */
    private HttpResponse<String> postFrom(String source, String forwardedFor, String path, Object body) {
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(source))
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
