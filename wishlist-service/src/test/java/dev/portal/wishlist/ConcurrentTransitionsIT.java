package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Transitions of one wishlist requested at the same moment: each runs on the row as it is inside its own transaction
 * (locked and re-read), so the quota moves once per real transition and no race ends in a server error.
 */
class ConcurrentTransitionsIT extends WishlistTestBase {

    @Test
    void ten_concurrent_cancels_give_the_quota_back_once() throws Exception {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "Groceries");
        createdSlug("alice", group, "Holidays");
        assertThat(usage("sub_sandbox_active")).isEqualTo(2);

        List<HttpResponse<String>> answers = together(10, i -> () -> patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 3)));

        // the first cancels; the others find it cancelled once they hold the row: nothing left to do, as in sequence
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        assertThat(usage("sub_sandbox_active")).as("one unit back, not ten").isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'wishlist.cancelled'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where event_type = 'portal.wishlist.cancelled.v1'")).isEqualTo(1);
    }

    @Test
    void ten_concurrent_reactivations_take_one_unit_of_quota() throws Exception {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "Groceries");
        assertThat(patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 3)).statusCode()).isEqualTo(200);
        assertThat(usage("sub_sandbox_active")).isZero();

        List<HttpResponse<String>> answers = together(10, i -> () -> patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 1)));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        assertThat(usage("sub_sandbox_active")).as("one unit taken, not ten").isEqualTo(1);
        assertThat(count("select count(*) from outbox where event_type = 'portal.wishlist.reactivated.v1'")).isEqualTo(1);
    }

    @Test
    void reactivations_and_cancels_racing_each_other_never_answer_a_server_error_and_the_quota_follows_the_final_status()
            throws Exception {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "Groceries");
        assertThat(patch(WISHLISTS + "/" + slug, "alice", Map.of("status", 3)).statusCode()).isEqualTo(200);

        for (int round = 0; round < 3; round++) {
            List<HttpResponse<String>> answers = together(12, i -> () -> patch(WISHLISTS + "/" + slug, "alice",
                    Map.of("status", i % 2 == 0 ? 1 : 3)));

            assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isIn(200, 409));
            int status = json(get(WISHLISTS + "/" + slug, "alice")).path("status").asInt();
            assertThat(usage("sub_sandbox_active")).as("round %d, final status %d", round, status).isEqualTo(status == 3 ? 0 : 1);
            long reactivated = count("select count(*) from outbox where event_type = 'portal.wishlist.reactivated.v1'");
            long cancelled = count("select count(*) from outbox where event_type = 'portal.wishlist.cancelled.v1'");
            assertThat(cancelled - reactivated).as("every reactivation follows a cancel").isEqualTo(status == 3 ? 1 : 0);
        }
    }

    @Test
    void concurrent_list_edits_never_answer_a_server_error_and_one_of_them_wins_whole() throws Exception {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String slug = createdSlug("alice", group, "Groceries");

        List<HttpResponse<String>> answers = together(10, i -> () -> patch(WISHLISTS + "/" + slug, "alice", Map.of(
                "products", List.of(Map.of("product_code", "P-" + i, "name", "Product " + i, "quantity", i + 1),
                        Map.of("product_code", "P-shared", "name", "Shared", "quantity", 1)),
                "categories", List.of("shared", "cat-" + i),
                "search_queries", List.of("query " + i, "shared query"))));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        var shown = json(get(WISHLISTS + "/" + slug, "alice"));
        String winner = shown.path("products").get(0).path("product_code").asString().substring("P-".length());
        assertThat(shown.path("products").size()).isEqualTo(2);
        assertThat(shown.path("categories").valueStream().map(c -> c.asString()).toList()).containsExactly("cat-" + winner, "shared");
        assertThat(shown.path("search_queries").valueStream().map(q -> q.asString()).toList())
                .containsExactly("query " + winner, "shared query");
    }

    /** Runs {@code n} requests at once (released together) and returns their answers. */
    private static List<HttpResponse<String>> together(int n, IntFunction<Callable<HttpResponse<String>>> request) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                Callable<HttpResponse<String>> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
