package dev.portal.e2e.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Portal users made through the gateway's API for tests that are about something else than signing up.
 *
 * <p>Client addresses: identity-service limits signup, link and reset requests per client address, the one the
 * gateway names. Every request of these tests comes from loopback, so without care the other end-to-end classes'
 * requests and these would share one budget and pass or fail by class order. The test run configures 127.0.0.1 as
 * the gateway's trusted proxy (an ingress, see {@code RunningSuite}); each browser test speaks through it as a client
 * of its own, an address of TEST-NET-3 (RFC 5737, never routed) sent as {@code X-Forwarded-For}, the way customers
 * behind an ingress arrive. Nothing is sent to those addresses; any other peer's header is replaced by the gateway.
 */
final class PortalUsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1 + (int) (System.nanoTime() % 100));

    record User(String userId, String email, String password, String accessToken) {
    }

    /** A client address of its own for one test (cycling through 203.0.113.1..254). */
    static String newClientAddress() {
        return "203.0.113." + (1 + Math.floorMod(NEXT_ADDRESS.getAndIncrement(), 254));
    }

    /** Signs a fresh sandbox customer up and logs them in (API, not browser). */
    static User signedUp(String firstName, String lastName, String password) {
        SandboxWorld.Customer customer = SandboxWorld.newCustomer(firstName, lastName);
        String address = newClientAddress();
        post("/api/auth/signup/ownership-code", Map.of("customerNumber", customer.customerNumber()), address, 202);
        JsonNode created = post("/api/auth/signup", Map.of("customerNumber", customer.customerNumber(),
                "ownershipCode", SandboxWorld.signupCode(customer.email()), "email", customer.email(), "password", password, "firstName", firstName, "lastName", lastName, "phone", "+81-90-1234-5678",
                "address", Map.of("address1", "1-2-3 Shibuya", "city", "Shibuya-ku", "state", "Tokyo", "postcode", "150-0002", "country", "JP")),
                address, 201);
        JsonNode login = post("/api/auth/login", Map.of("email", customer.email(), "password", password), address, 200);
        return new User(created.path("userId").asString(), customer.email(), password, login.path("accessToken").asString());
    }

    private static JsonNode post(String path, Object body, String clientAddress, int expected) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(WebSuite.gateway(path))).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new AssertionError("POST " + path + " -> " + answer.statusCode() + " " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether creating a wishlist in the group is refused with this code now (used to wait for a webhook). */
    static String createWishlistAnswer(User user, long groupId, String name) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(WebSuite.gateway("/api/v1/wishlist-to-group")))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + user.accessToken())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("group_id", groupId, "name", name)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + JSON.readTree(answer.body()).path("code").asString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private PortalUsers() {
    }
}
