package dev.portal.wishlist;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.WithInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * wishlist-service over real HTTP against real PostgreSQL and Kafka, Stripe served by the in-process sandbox
 * (reset before each test, the service's tables emptied), callers authenticated by tokens from {@link TestTokens}
 * whose JWKS is served over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.clients.stripe.http.max-attempts=1", "portal.clients.stripe.http.read-timeout=2s",
                "portal.clients.stripe.http.retry-backoff=10ms", "portal.clients.stripe.http.breaker-open-for=1s"})
@WithInfrastructure(kafka = true, postgres = true)
public abstract class WishlistTestBase {

    protected static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    protected static final TestTokens TOKENS = TestTokens.start();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected static final String WISHLISTS = "/api/v1/wishlist-to-group";

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        testEnvironment(registry);
    }

    /** Stripe from the sandbox, tokens from {@link #TOKENS}. */
    public static void testEnvironment(DynamicPropertyRegistry registry) {
        registry.add("portal.clients.stripe.api-base", () -> SANDBOX.baseUrl() + "/stripe");
        registry.add("portal.clients.stripe.secret-key", () -> "sk_test_sandbox");
        registry.add("portal.clients.stripe.webhook-secret", () -> "whsec_sandbox");
        registry.add("portal.security.jwks-uri", () -> TOKENS.jwksUri().toString());
    }

    @LocalServerPort protected int port;
    @Autowired protected JdbcClient jdbc;

    @BeforeEach
    void freshState() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
        // truncate, not delete: the audit log refuses row deletes
        jdbc.sql("""
                truncate audit_log, wishlist_summaries, wishlist_schedules, wishlist_search_queries, wishlist_categories,
                    wishlist_products, temp_wishlist_search_queries, temp_wishlist_categories, temp_wishlist_products,
                    wishlist_to_groups, temp_wishlists, group_members, groups, subscription_usage, subscriptions, users,
                    inbox, outbox cascade""").update();
    }

    // ---- HTTP ----

    protected HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET());
    }

    protected HttpResponse<String> post(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    protected HttpResponse<String> patch(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    protected HttpResponse<String> put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    protected HttpResponse<String> delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    /** {@code user} null: no Authorization header. */
    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Bearer " + TOKENS.valid(user));
        }
        return request;
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String problemCode(HttpResponse<String> response) {
        return json(response).path("code").asString();
    }

    protected static List<String> errorFields(HttpResponse<String> response) {
        return json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    // ---- fixtures ----

    /** A group owned by {@code owner}. */
    protected long group(String owner, String name) {
        HttpResponse<String> response = post("/api/v1/groups", owner, Map.of("name", name));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
        return json(response).path("id").asLong();
    }

    /** A group owned by {@code owner} paid by a sandbox subscription ({@code sub_sandbox_active}: Starter, quota 10). */
    protected long paidGroup(String owner, String name, String stripeSubscriptionId) {
        long id = group(owner, name);
        HttpResponse<String> bound = put("/api/v1/groups/" + id + "/subscription", owner,
                Map.of("stripe_subscription_id", stripeSubscriptionId));
        if (bound.statusCode() != 200) {
            throw new IllegalStateException(bound.body());
        }
        return id;
    }

    /** {@code user} has used the wishlists once (a valid token is proof enough that the portal user exists). */
    protected void knownUser(String user) {
        HttpResponse<String> response = get("/api/v1/groups", user);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.body());
        }
    }

    /** Adds {@code user} (made known first: only existing portal users can be members). */
    protected void addMember(String owner, long groupId, String user, String role) {
        knownUser(user);
        HttpResponse<String> response = post("/api/v1/groups/" + groupId + "/members", owner, Map.of("user_id", user, "role", role));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
    }

    protected HttpResponse<String> createWishlist(String user, long groupId, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_id", groupId);
        body.put("name", name);
        return post(WISHLISTS, user, body);
    }

    protected String createdSlug(String user, long groupId, String name) {
        HttpResponse<String> response = createWishlist(user, groupId, name);
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
        return json(response).path("slug").asString();
    }

    protected int usage(String stripeSubscriptionId) {
        return jdbc.sql("""
                select u.wishlists_used from subscription_usage u join subscriptions s on s.id = u.subscription_id
                where s.stripe_subscription_id = ?""").param(stripeSubscriptionId).query(Integer.class).single();
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
