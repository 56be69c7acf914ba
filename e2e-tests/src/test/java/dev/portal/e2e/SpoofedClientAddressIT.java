package dev.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through the running gateway, a client that sends another {@code X-Forwarded-For} with every request is still one
 * address to every per-IP limit of identity-service. Each test is a client at a loopback address of its own.
 */
@Order(5)
@ExtendWith(SuiteExtension.class)
class SpoofedClientAddressIT {

    @Test
    void seven_password_reset_requests_with_seven_forwarded_for_values_are_202_five_times_then_429() {
        Browser client = Browser.from("127.0.0.21");
        List<Integer> statuses = new ArrayList<>();

        for (int i = 1; i <= 7; i++) {
            statuses.add(client.send("POST", "/api/auth/password-reset/request", Map.of("email", "nobody-" + i + "@example.jp"),
                    Map.of("X-Forwarded-For", "198.51.100." + i)).status());
        }

        assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 429, 429);
    }

    @Test
    void signups_with_a_new_forwarded_for_each_time_are_limited_as_one_address() {
        Browser client = Browser.from("127.0.0.22");
        for (int i = 1; i <= 10; i++) {
            Browser.Response attempt = client.send("POST", "/api/auth/signup", unknownCustomerSignup("spoof" + i + "@example.jp"),
                    Map.of("X-Forwarded-For", "198.51.100." + i));
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(422);
        }

        Browser.Response eleventh = client.send("POST", "/api/auth/signup", unknownCustomerSignup("spoof11@example.jp"),
                Map.of("X-Forwarded-For", "198.51.100.11"));

        assertThat(eleventh.status()).as(eleventh.toString()).isEqualTo(429);
        assertThat(eleventh.code()).isEqualTo("rate-limited");
    }

    @Test
    void password_guesses_with_a_new_forwarded_for_each_time_are_limited_per_email_and_address() {
        Browser client = Browser.from("127.0.0.23");
        for (int i = 1; i <= 5; i++) {
            Browser.Response guess = client.send("POST", "/api/auth/login", Map.of("email", "spoof-target@example.jp", "password", "guess " + i),
                    Map.of("X-Forwarded-For", "198.51.100." + i));
            assertThat(guess.status()).as(guess.toString()).isEqualTo(401);
        }

        Browser.Response sixth = client.send("POST", "/api/auth/login", Map.of("email", "spoof-target@example.jp", "password", "guess 6"),
                Map.of("X-Forwarded-For", "198.51.100.6"));

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
    }

    /** A well-formed signup of a customer number nobody has: answered 422 before any code is checked. */
    private static Map<String, Object> unknownCustomerSignup(String email) {
        Map<String, Object> signup = Customers.jiroSignup("SF-999999", email);
        signup.put("ownershipCode", "12345678");
        return signup;
    }
}
