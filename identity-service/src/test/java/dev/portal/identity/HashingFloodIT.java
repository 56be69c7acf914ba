package dev.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.users.Passwords;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A load test: a flood of logins for random emails from random addresses (so no rate limit stops it: every one would
 * cost an Argon2 verification) while the probes and {@code /api/me} are read alongside. With one hashing slot and a
 * short wait, the flood is answered {@code 401} as far as a slot frees up and {@code 503 busy} with {@code Retry-After}
 * beyond that; the other requests keep their processor time. Figures are printed for docs/benchmarks.md.
 */
@TestPropertySource(properties = {"portal.identity.hashing-concurrency=1", "portal.identity.hashing-wait=200ms"})
class HashingFloodIT extends IdentityTestBase {

    private static final int FLOODERS = 24;
    private static final Duration FLOOD = Duration.ofSeconds(8);

    @Autowired Passwords passwords;

    @Test
    void a_login_flood_with_random_emails_is_answered_busy_beyond_the_hashing_slots_while_probes_and_me_stay_responsive()
            throws Exception {
        String access = loggedInUser();
        List<Long> quiet = probe(access, Instant.now().plus(Duration.ofSeconds(3)), new ArrayList<>());

        Map<Integer, AtomicInteger> floodAnswers = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> busyRetryAfter = new ConcurrentLinkedQueue<>();
        List<Integer> probeStatuses = Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plus(FLOOD);
        List<Long> flooded;
        // platform threads, as an outside client's would be: virtual ones would compete with the service for its carriers
        try (ExecutorService threads = Executors.newFixedThreadPool(FLOODERS)) {
            for (int i = 0; i < FLOODERS; i++) {
                threads.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        HttpResponse<String> answer = postFrom(randomAddress(), "/api/auth/login",
                                Map.of("email", "flood-" + UUID.randomUUID() + "@example.jp", "password", "a guessed password"));
                        floodAnswers.computeIfAbsent(answer.statusCode(), status -> new AtomicInteger()).incrementAndGet();
                        if (answer.statusCode() == 503 && "busy".equals(problemCode(answer))) {
                            answer.headers().firstValue("Retry-After").ifPresent(busyRetryAfter::add);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(1000); // the flood builds up first
            flooded = probe(access, end, probeStatuses);
        }

        System.out.printf("hashing flood: %d flooders for %s, answers %s; probes and /api/me quiet p50 %d ms p95 %d ms,"
                        + " under the flood p50 %d ms p95 %d ms max %d ms (%d reads)%n", FLOODERS, FLOOD, floodAnswers,
                percentile(quiet, 50), percentile(quiet, 95), percentile(flooded, 50), percentile(flooded, 95), flooded.getLast(),
                flooded.size());
        assertThat(floodAnswers.keySet()).as("only refusals, never a server error").isSubsetOf(401, 503);
        assertThat(floodAnswers.get(503)).as("the flood beyond the hashing slots is answered busy").isNotNull();
        assertThat(busyRetryAfter).as("busy answers say when to retry").isNotEmpty().allSatisfy(seconds ->
                assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(probeStatuses).as("probes and /api/me answered throughout").isNotEmpty().containsOnly(200);
        // the machine is shared (its load swings), so the bound is the median against the same reads without the flood,
        // taken just before, with room for the flood's own requests; without the slots, hashes on the carrier threads
        // hold every other request for seconds
        assertThat(percentile(flooded, 50)).as("median under the flood against the median without, ms")
                .isLessThanOrEqualTo(5 * percentile(quiet, 50) + 1000);
    }

    /** Reads the probes and {@code /api/me} until {@code end}: their latencies, sorted; statuses into {@code statuses}. */
    private List<Long> probe(String access, Instant end, List<Integer> statuses) throws InterruptedException {
        List<Long> millis = new ArrayList<>();
        while (Instant.now().isBefore(end)) {
            for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/api/me")) {
                long started = System.nanoTime();
                HttpResponse<String> answer = get(path, path.equals("/api/me") ? access : null);
                millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                statuses.add(answer.statusCode());
            }
            Thread.sleep(50);
        }
        Collections.sort(millis);
        return millis;
    }

    private String loggedInUser() {
        String email = "flood-owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, ?, ?, 'Hanako', 'Yamada', ?, ?)").params(UUID.randomUUID(), email, passwords.hash("correct horse battery"), now, now)
                .update();
        HttpResponse<String> login = post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json(login).path("accessToken").asString();
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
