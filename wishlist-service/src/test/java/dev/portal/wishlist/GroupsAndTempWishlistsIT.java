package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a user needs to reach the wishlists: groups, members with roles, the subscription binding, temp wishlists. */
class GroupsAndTempWishlistsIT extends WishlistTestBase {

    @Test
    void the_creator_owns_the_group_and_manages_members_by_role() {
        long group = group("alice", "Family");
        JsonNode created = json(get("/api/v1/groups/" + group, "alice"));
        assertThat(created.path("role").asString()).isEqualTo("owner");

        addMember("alice", group, "bob", "admin");
        knownUser("carol");
        knownUser("dave");
        assertThat(post("/api/v1/groups/" + group + "/members", "bob", Map.of("user_id", "carol", "role", "member")).statusCode())
                .isEqualTo(201);
        HttpResponse<String> memberAdds = post("/api/v1/groups/" + group + "/members", "carol", Map.of("user_id", "dave", "role", "member"));
        assertThat(memberAdds.statusCode()).isEqualTo(403);
        assertThat(problemCode(memberAdds)).isEqualTo("group-admin-required");
        HttpResponse<String> adminMakesAdmin = post("/api/v1/groups/" + group + "/members", "bob", Map.of("user_id", "dave", "role", "admin"));
        assertThat(adminMakesAdmin.statusCode()).isEqualTo(403);
        HttpResponse<String> badRole = post("/api/v1/groups/" + group + "/members", "alice", Map.of("user_id", "dave", "role", "owner"));
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(errorFields(badRole)).containsExactly("role");

        JsonNode members = json(get("/api/v1/groups/" + group, "carol")).path("members");
        assertThat(members.valueStream().map(m -> m.path("user_id").asString() + ":" + m.path("role").asString()).toList())
                .containsExactly("alice:owner", "bob:admin", "carol:member");

        HttpResponse<String> removeOwner = delete("/api/v1/groups/" + group + "/members/alice", "bob");
        assertThat(removeOwner.statusCode()).isEqualTo(409);
        assertThat(problemCode(removeOwner)).isEqualTo("owner-cannot-be-removed");
        assertThat(delete("/api/v1/groups/" + group + "/members/carol", "bob").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/groups/" + group, "carol").statusCode()).isEqualTo(404);
        assertThat(json(get("/api/v1/groups", "alice")).path("data").size()).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where entity_type = 'group'")).isEqualTo(4);
    }

    @Test
    void a_group_name_is_required() {
        HttpResponse<String> response = post("/api/v1/groups", "alice", Map.of("name", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("name");
    }

    @Test
    void only_the_owner_binds_a_subscription_that_stripe_confirms_and_one_group_per_subscription() {
        long group = group("alice", "Family");
        addMember("alice", group, "bob", "admin");

        HttpResponse<String> byAdmin = put("/api/v1/groups/" + group + "/subscription", "bob", Map.of("stripe_subscription_id", "sub_sandbox_active"));
        assertThat(byAdmin.statusCode()).isEqualTo(403);
        assertThat(problemCode(byAdmin)).isEqualTo("owner-only");

        HttpResponse<String> unknown = put("/api/v1/groups/" + group + "/subscription", "alice", Map.of("stripe_subscription_id", "sub_nope"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errorFields(unknown)).containsExactly("stripe_subscription_id");

        HttpResponse<String> malformed = put("/api/v1/groups/" + group + "/subscription", "alice", Map.of("stripe_subscription_id", "cus_x"));
        assertThat(malformed.statusCode()).isEqualTo(400);

        HttpResponse<String> bound = put("/api/v1/groups/" + group + "/subscription", "alice", Map.of("stripe_subscription_id", "sub_sandbox_active"));
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
        assertThat(json(bound).path("subscription_id").asLong()).isPositive();
        assertThat(jdbc.sql("select wishlist_quota from subscriptions").query(Integer.class).single()).isEqualTo(10);

        long other = group("carol", "Other");
        HttpResponse<String> taken = put("/api/v1/groups/" + other + "/subscription", "carol", Map.of("stripe_subscription_id", "sub_sandbox_active"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(problemCode(taken)).isEqualTo("subscription-already-bound");

        assertThat(put("/api/v1/groups/" + group + "/subscription", "carol", Map.of("stripe_subscription_id", "sub_sandbox_active"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void temporary_wishlists_belong_to_their_creator() {
        HttpResponse<String> created = post("/api/v1/temp-wishlists", "alice", Map.of("name", "Ideas",
                "search_queries", java.util.List.of("ebook reader")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        assertThat(json(created).path("status").asString()).isEqualTo("open");

        assertThat(json(get("/api/v1/temp-wishlists", "alice")).path("data").size()).isEqualTo(1);
        assertThat(json(get("/api/v1/temp-wishlists", "bob")).path("data").size()).isZero();
        HttpResponse<String> foreign = get("/api/v1/temp-wishlists/" + id, "bob");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(problemCode(foreign)).isEqualTo("temp-wishlist-not-found");
        assertThat(post("/api/v1/temp-wishlists", "alice", Map.of("name", "")).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/temp-wishlists", null).statusCode()).isEqualTo(401);
    }

    @Test
    void the_openapi_document_describes_the_api() {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("paths").has("/api/v1/wishlist-to-group")).isTrue();
    }
}
