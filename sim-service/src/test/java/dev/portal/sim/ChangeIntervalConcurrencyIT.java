package dev.portal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The minimum interval between plan, voice option and network type changes holds across replicas under concurrency. */
class ChangeIntervalConcurrencyIT extends SimTestBase {

    @Test
    void twenty_concurrent_changes_of_one_line_across_two_instances_accept_exactly_one() throws Exception {
        int other = portOf(replica());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                int target = n % 2 == 0 ? port : other;
                answers.add(pool.submit(() -> {
                    start.await();
                    return switch (n % 3) {
                        case 0 -> post(target, "/api/sims/" + HANAKO_SIM + "/plan-change", HANAKO, Map.of("planCode", "VOICE_20GB"));
                        case 1 -> put(target, "/api/sims/" + HANAKO_SIM + "/voice-options", HANAKO, Map.of("callWaiting", true));
                        default -> post(target, "/api/sims/" + HANAKO_SIM + "/network-type", HANAKO, Map.of("networkType", "5G"));
                    };
                }));
            }
            start.countDown();
        }

        int accepted = 0;
        int tooSoon = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 202) {
                accepted++;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                assertThat(problemCode(response)).isEqualTo("change-too-soon");
                assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30 * 60L);
                assertThat(Instant.parse(json(response).path("nextAllowedAt").asString())).isAfter(clock.instant());
                tooSoon++;
            }
        }
        assertThat(accepted).isEqualTo(1);
        assertThat(tooSoon).isEqualTo(19);
        assertThat(count("select count(*) from sim_operations")).isEqualTo(1);
    }
}
