package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Listing wishlists: authentication, membership, parameter validation, filters and pagination. */
class ListWishlistsIT extends WishlistTestBase {

    @Test
    void without_a_token_is_401() {
        HttpResponse<String> response = get(WISHLISTS, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }

    @Test
    void a_caller_in_no_group_is_403() {
        HttpResponse<String> response = get(WISHLISTS, "loner");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problemCode(response)).isEqualTo("no-group-membership");
    }

    @Test
    void bad_parameters_are_400_with_field_errors() {
        group("alice", "Family");
        HttpResponse<String> response = get(WISHLISTS + "?page=0&per_page=101&status=2&group_id=x&sort=name", "alice");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("validation-failed");
        assertThat(errorFields(response)).containsExactlyInAnyOrder("page", "per_page", "status", "group_id", "sort");
        assertThat(get(WISHLISTS + "?page=abc", "alice").statusCode()).isEqualTo(400);
        assertThat(get(WISHLISTS + "?per_page=0", "alice").statusCode()).isEqualTo(400);
    }

    @Test
    void pages_newest_first_with_meta_and_links() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        for (int i = 1; i <= 5; i++) {
            createdSlug("alice", group, "List " + i);
        }

        JsonNode page2 = json(get(WISHLISTS + "?page=2&per_page=2", "alice"));

        assertThat(page2.path("data").valueStream().map(w -> w.path("name").asString()).toList()).containsExactly("List 3", "List 2");
        assertThat(page2.path("data").get(0).path("summary").path("product_count").asInt()).isZero();
        JsonNode meta = page2.path("meta");
        assertThat(meta.path("current_page").asInt()).isEqualTo(2);
        assertThat(meta.path("per_page").asInt()).isEqualTo(2);
        assertThat(meta.path("total").asInt()).isEqualTo(5);
        assertThat(meta.path("last_page").asInt()).isEqualTo(3);
        assertThat(meta.path("from").asInt()).isEqualTo(3);
        assertThat(meta.path("to").asInt()).isEqualTo(4);
        JsonNode links = page2.path("links");
        assertThat(links.path("first").asString()).isEqualTo(WISHLISTS + "?page=1&per_page=2");
        assertThat(links.path("last").asString()).isEqualTo(WISHLISTS + "?page=3&per_page=2");
        assertThat(links.path("prev").asString()).isEqualTo(WISHLISTS + "?page=1&per_page=2");
        assertThat(links.path("next").asString()).isEqualTo(WISHLISTS + "?page=3&per_page=2");

        JsonNode first = json(get(WISHLISTS, "alice"));
        assertThat(first.path("meta").path("per_page").asInt()).isEqualTo(15);
        assertThat(first.path("links").path("prev").isNull()).isTrue();
        assertThat(first.path("links").path("next").isNull()).isTrue();
    }

    @Test
    void filters_by_status_and_group_and_hides_cancelled_by_default() {
        long family = paidGroup("alice", "Family", "sub_sandbox_active");
        long work = paidGroup("alice", "Work", "sub_sandbox_pastdue");
        createdSlug("alice", family, "Active one");
        String inactive = createdSlug("alice", family, "Inactive one");
        String cancelled = createdSlug("alice", work, "Cancelled one");
        patch(WISHLISTS + "/" + inactive, "alice", Map.of("status", 0));
        patch(WISHLISTS + "/" + cancelled, "alice", Map.of("status", 3));

        assertThat(names(get(WISHLISTS, "alice"))).containsExactly("Inactive one", "Active one");
        assertThat(names(get(WISHLISTS + "?status=1", "alice"))).containsExactly("Active one");
        assertThat(names(get(WISHLISTS + "?status=0", "alice"))).containsExactly("Inactive one");
        assertThat(names(get(WISHLISTS + "?status=3", "alice"))).containsExactly("Cancelled one");
        assertThat(names(get(WISHLISTS + "?group_id=" + work, "alice"))).isEmpty();
        assertThat(names(get(WISHLISTS + "?group_id=" + family + "&status=1", "alice"))).containsExactly("Active one");
    }

    private static java.util.List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("data").valueStream().map(w -> w.path("name").asString()).toList();
    }
}
