package dev.portal.e2e;

import static dev.portal.e2e.AccountsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wishlist groups through the gateway: a group paid for by a Stripe subscription, a wishlist in it that another portal user
 * can neither see nor touch (404, as if absent), and a cancellation at Stripe that reaches the service as a signed
 * webhook through the gateway and stops new wishlists (402).
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WishlistIT {

    private static final String PATH = "/api/v1/wishlist-to-group";
    private Browser jiro;
    private Browser aiko;
    private long groupId;
    private String slug;

    @Test
    @Order(1)
    void jiro_creates_a_group_binds_a_subscription_and_a_wishlist_in_it() {
        jiro = Browser.bearer(Customers.jiro());
        aiko = Browser.bearer(Customers.aiko());
        Browser.Response group = jiro.post("/api/v1/groups", Map.of("name", "Kobayashi family"));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        groupId = group.json().path("id").asLong();
        Browser.Response bound = jiro.put("/api/v1/groups/" + groupId + "/subscription", Map.of("stripe_subscription_id", "sub_sandbox_active"));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);

        Browser.Response created = jiro.post(PATH, Map.of("group_id", groupId, "name", "Home network upgrade",
                "categories", java.util.List.of("routers"), "search_queries", java.util.List.of("wifi 7 router")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        slug = created.json().path("slug").asString();

        Browser.Response list = jiro.get(PATH + "?page=1&per_page=10");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("data").valueStream().map(w -> w.path("slug").asString()).toList()).containsExactly(slug);
        assertThat(jiro.get(PATH + "/" + slug).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void another_user_can_neither_list_show_nor_change_it() {
        assertProblem(aiko.get(PATH), 403, null);
        assertProblem(aiko.get(PATH + "/" + slug), 404, "wishlist-not-found");
        assertProblem(aiko.patch(PATH + "/" + slug, Map.of("name", "mine now")), 404, "wishlist-not-found");
        assertProblem(aiko.get(PATH + "/no-such-wishlist"), 404, "wishlist-not-found");
        assertThat(jiro.get(PATH + "/" + slug).json().path("name").asString()).isEqualTo("Home network upgrade");
        assertProblem(aiko.post(PATH, Map.of("group_id", groupId, "name", "sneaking in")), 403, null);
    }

    @Test
    @Order(3)
    void a_cancellation_at_stripe_reaches_the_service_by_webhook_and_stops_new_wishlists() throws Exception {
        HttpResponse<String> cancelled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RunningSuite.url(8099, "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status")))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"canceled\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isBetween(200, 299);

        await("the signed webhook through the gateway").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertProblem(jiro.post(PATH, Map.of("group_id", groupId, "name", "After cancellation")),
                        402, "subscription-cancelled"));
        assertThat(jiro.get(PATH + "/" + slug).status()).as("existing wishlists stay readable").isEqualTo(200);
    }
}
