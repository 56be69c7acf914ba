package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Showing a wishlist, and the update, cancel and reactivate transitions with their audit entries and events. */
class ShowAndUpdateWishlistIT extends WishlistTestBase {

    @Test
    void shows_a_wishlist_of_the_callers_group_with_its_related_data() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        addMember("alice", group, "carol", "member");
        post(WISHLISTS, "alice", Map.of("group_id", group, "name", "Books", "categories", List.of("novels")));

        HttpResponse<String> response = get(WISHLISTS + "/books", "carol");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("categories").get(0).asString()).isEqualTo("novels");
        assertThat(json(response).path("status_label").asString()).isEqualTo("active");
    }

    @Test
    void an_absent_slug_is_404_and_so_is_no_token_401() {
        group("alice", "Family");
        HttpResponse<String> response = get(WISHLISTS + "/nothing-here", "alice");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problemCode(response)).isEqualTo("wishlist-not-found");
        assertThat(get(WISHLISTS + "/nothing-here", null).statusCode()).isEqualTo(401);
    }

    @Test
    void updates_fields_and_related_data_with_an_audit_entry_and_an_event() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "Books");

        HttpResponse<String> response = patch(WISHLISTS + "/" + slug, "alice", Map.of("name", "Comics", "status", 0,
                "products", List.of(Map.of("product_code", "ONE-PIECE-1", "quantity", 3)), "schedule", Map.of("frequency", "daily")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode updated = json(response);
        assertThat(updated.path("name").asString()).isEqualTo("Comics");
        assertThat(updated.path("slug").asString()).isEqualTo("books");
        assertThat(updated.path("status").asInt()).isZero();
        assertThat(updated.path("summary").path("item_count").asInt()).isEqualTo(3);
        assertThat(updated.path("schedule").path("frequency").asString()).isEqualTo("daily");
        JsonNode audit = JSON.readTree(jdbc.sql("select json_build_object('before', before, 'after', after)::text from audit_log"
                + " where action = 'wishlist.updated'").query(String.class).single());
        assertThat(audit.path("before").path("name").asString()).isEqualTo("Books");
        assertThat(audit.path("after").path("name").asString()).isEqualTo("Comics");
        assertThat(count("select count(*) from outbox where event_type = 'portal.wishlist.updated.v1'")).isEqualTo(1);
    }

    @Test
    void invalid_updates_are_400() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "Books");
        HttpResponse<String> response = patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 2, "name", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).contains("status", "name");
    }

    @Test
    void cancelling_releases_quota_and_reactivating_checks_it_again() {
        SANDBOX.admin("POST", "/sandbox/admin/stripe/prices/price_sandbox_wishlist_starter/metadata",
                "{\"metadata\":{\"wishlist_quota\":\"1\"}}");
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String first = createdSlug("alice", group, "First");

        HttpResponse<String> cancelled = patch(WISHLISTS + "/" + first, "alice", Map.of("status", 3));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asInt()).isEqualTo(3);
        assertThat(usage("sub_sandbox_active")).isZero();
        assertThat(count("select count(*) from outbox where event_type = 'portal.wishlist.cancelled.v1'")).isEqualTo(1);

        String second = createdSlug("alice", group, "Second");
        HttpResponse<String> refused = patch(WISHLISTS + "/" + first, "alice", Map.of("status", 1));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problemCode(refused)).isEqualTo("quota-exceeded");

        patch(WISHLISTS + "/" + second, "alice", Map.of("status", 3));
        HttpResponse<String> reactivated = patch(WISHLISTS + "/" + first, "alice", Map.of("status", 1));
        assertThat(reactivated.statusCode()).as(reactivated.body()).isEqualTo(200);
        assertThat(usage("sub_sandbox_active")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where event_type = 'portal.wishlist.reactivated.v1'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action in ('wishlist.cancelled', 'wishlist.reactivated')")).isEqualTo(3);
    }

    @Test
    void reactivating_needs_a_usable_subscription() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "First");
        patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 3));
        jdbc.sql("update subscriptions set status = 'canceled', refreshed_at = now()").update();

        HttpResponse<String> response = patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 1));

        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(problemCode(response)).isEqualTo("subscription-cancelled");
    }

    @Test
    void a_plain_member_cannot_cancel_someone_elses_wishlist_but_can_edit_it() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        addMember("alice", group, "carol", "member");
        String slug = createdSlug("alice", group, "Alice's");

        HttpResponse<String> response = patch(WISHLISTS + "/" + slug, "carol", Map.of("status", 3));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problemCode(response)).isEqualTo("wishlist-status-forbidden");
        assertThat(patch(WISHLISTS + "/" + slug, "carol", Map.of("description", "shared")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_cancelled_wishlist_is_not_edited() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "Old");
        patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 3));

        HttpResponse<String> response = patch(WISHLISTS + "/" + slug, "alice", Map.of("name", "New"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("wishlist-cancelled");
    }

    @Test
    void the_audit_log_refuses_changes() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        createdSlug("alice", group, "Kept");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_log set action = 'x'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update())
                .hasMessageContaining("append-only");
    }
}
