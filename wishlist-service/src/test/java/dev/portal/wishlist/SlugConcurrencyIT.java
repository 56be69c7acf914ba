package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Slugs stay unique when groups paid by different subscriptions (whose creates do not queue on one quota row) race. */
class SlugConcurrencyIT extends WishlistTestBase {

    @Test
    void parallel_creates_of_one_name_in_two_groups_all_succeed_with_distinct_slugs() throws Exception {
        long family = paidGroup("alice", "Family", "sub_sandbox_active");
        long work = paidGroup("alice", "Work", "sub_sandbox_pastdue");
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                long group = i % 2 == 0 ? family : work;
                answers.add(pool.submit(() -> createWishlist("alice", group, "Gifts")));
            }
        }

        List<String> slugs = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            slugs.add(json(response).path("slug").asString());
        }
        assertThat(slugs).containsExactlyInAnyOrder("gifts", "gifts-2", "gifts-3", "gifts-4", "gifts-5", "gifts-6",
                "gifts-7", "gifts-8", "gifts-9", "gifts-10");
    }
}
