package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The quota holds under concurrency: the usage row is locked by every create. */
class QuotaConcurrencyIT extends WishlistTestBase {

    @Test
    void fifty_parallel_creates_against_a_quota_of_ten_create_exactly_ten() throws Exception {
        long group = paidGroup("alice", "Family", "sub_sandbox_active"); // Starter: wishlist_quota=10
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                answers.add(pool.submit(() -> createWishlist("alice", group, "Parallel " + n)));
            }
        }
        int created = 0;
        int conflicts = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 201) {
                created++;
            } else if (response.statusCode() == 409 && "quota-exceeded".equals(problemCode(response))) {
                conflicts++;
            }
        }
        assertThat(created).isEqualTo(10);
        assertThat(conflicts).isEqualTo(40);
        assertThat(usage("sub_sandbox_active")).isEqualTo(10);
        assertThat(count("select count(*) from wishlist_to_groups")).isEqualTo(10);
    }
}
