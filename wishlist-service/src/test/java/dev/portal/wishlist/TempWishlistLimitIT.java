package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** One user cannot fill the database with temporary wishlists: open ones are bounded per user, under concurrency too. */
@TestPropertySource(properties = "portal.wishlist.max-open-temp-wishlists=5")
class TempWishlistLimitIT extends WishlistTestBase {

    @Test
    void twenty_parallel_creates_by_one_user_against_a_limit_of_five_create_exactly_five() throws Exception {
        knownUser("alice");
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                answers.add(pool.submit(() -> post("/api/v1/temp-wishlists", "alice", Map.of("name", "Draft " + n))));
            }
        }
        int created = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 201) {
                created++;
            } else if (response.statusCode() == 409 && "temp-wishlist-limit-reached".equals(problemCode(response))) {
                refused++;
            }
        }
        assertThat(created).isEqualTo(5);
        assertThat(refused).isEqualTo(15);
        assertThat(count("select count(*) from temp_wishlists")).isEqualTo(5);
        assertThat(post("/api/v1/temp-wishlists", "bob", Map.of("name", "Bob's own")).statusCode()).as("another user's limit is their own")
                .isEqualTo(201);
    }

    @Test
    void converting_a_temporary_wishlist_frees_a_place() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        List<Long> temps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            temps.add(json(post("/api/v1/temp-wishlists", "alice", Map.of("name", "Draft " + i))).path("id").asLong());
        }
        HttpResponse<String> sixth = post("/api/v1/temp-wishlists", "alice", Map.of("name", "Sixth"));
        assertThat(sixth.statusCode()).isEqualTo(409);
        assertThat(json(sixth).path("limit").asInt()).isEqualTo(5);

        assertThat(post(WISHLISTS, "alice", Map.of("group_id", group, "temp_wishlist_id", temps.getFirst())).statusCode()).isEqualTo(201);

        assertThat(post("/api/v1/temp-wishlists", "alice", Map.of("name", "Sixth")).statusCode()).isEqualTo(201);
    }
}
