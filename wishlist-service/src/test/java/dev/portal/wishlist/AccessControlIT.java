package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A member of group A can neither list, show, update nor infer group B's wishlists. */
class AccessControlIT extends WishlistTestBase {

    @Test
    void a_member_of_one_group_sees_nothing_of_another() {
        long a = paidGroup("alice", "A", "sub_sandbox_active");
        long b = paidGroup("bob", "B", "sub_sandbox_pastdue");
        createdSlug("alice", a, "Alice list");
        String bobs = createdSlug("bob", b, "Bob secret");

        JsonNode all = json(get(WISHLISTS, "alice"));
        assertThat(all.path("data").valueStream().map(w -> w.path("name").asString()).toList()).containsExactly("Alice list");
        assertThat(all.path("meta").path("total").asInt()).isEqualTo(1);

        // another group's id answers exactly like a group that does not exist
        HttpResponse<String> foreignGroup = get(WISHLISTS + "?group_id=" + b, "alice");
        HttpResponse<String> noGroup = get(WISHLISTS + "?group_id=999999", "alice");
        assertThat(foreignGroup.statusCode()).isEqualTo(200);
        assertThat(json(foreignGroup).path("data").size()).isZero();
        assertThat(json(foreignGroup).path("meta")).isEqualTo(json(noGroup).path("meta"));

        HttpResponse<String> show = get(WISHLISTS + "/" + bobs, "alice");
        HttpResponse<String> absent = get(WISHLISTS + "/no-such-list", "alice");
        assertThat(show.statusCode()).isEqualTo(404);
        assertThat(problemCode(show)).isEqualTo(problemCode(absent));
        assertThat(json(show).path("detail").asString()).isEqualTo(json(absent).path("detail").asString());

        HttpResponse<String> update = patch(WISHLISTS + "/" + bobs, "alice", Map.of("name", "pwned"));
        assertThat(update.statusCode()).isEqualTo(404);
        HttpResponse<String> cancel = patch(WISHLISTS + "/" + bobs, "alice", Map.of("status", 3));
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(json(get(WISHLISTS + "/" + bobs, "bob")).path("name").asString()).isEqualTo("Bob secret");

        HttpResponse<String> create = post(WISHLISTS, "alice", Map.of("group_id", b, "name", "intruder"));
        assertThat(create.statusCode()).isEqualTo(403);
        HttpResponse<String> createInAbsentGroup = post(WISHLISTS, "alice", Map.of("group_id", 999999, "name", "intruder"));
        assertThat(problemCode(createInAbsentGroup)).isEqualTo(problemCode(create));

        assertThat(get("/api/v1/groups/" + b, "alice").statusCode()).isEqualTo(404);
    }
}
