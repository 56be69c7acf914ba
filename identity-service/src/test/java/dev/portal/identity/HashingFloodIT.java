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
        Map<Integer, AtomicInteger> floodAnswers = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> busyRetryAfter = new ConcurrentLinkedQueue<>();
        List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
        List<Integer> probeStatuses = Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plus(FLOOD);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
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
            threads.submit(() -> {
                Thread.sleep(1000); // let the flood build up first
                while (Instant.now().isBefore(end)) {
                    for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/api/me")) {
                        long started = System.nanoTime();
                        HttpResponse<String> answer = get(path, path.equals("/api/me") ? access : null);
                        probeMillis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                        probeStatuses.add(answer.statusCode());
                    }
                    Thread.sleep(200);
                }
                return null;
            });
        }

        List<Long> sorted = new ArrayList<>(probeMillis);
        Collections.sort(sorted);
        System.out.printf("hashing flood: %d flooders for %s, answers %s; %d probe/me reads, p50 %d ms, p95 %d ms, max %d ms%n",
                FLOODERS, FLOOD, floodAnswers, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.getLast());
        assertThat(floodAnswers.keySet()).as("only refusals, never a server error").isSubsetOf(401, 503);
        assertThat(floodAnswers.get(503)).as("the flood beyond the hashing slots is answered busy").isNotNull();
        assertThat(busyRetryAfter).as("busy answers say when to retry").isNotEmpty().allSatisfy(seconds ->
                assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(probeStatuses).as("probes and /api/me answered throughout").isNotEmpty().containsOnly(200);
        assertThat(percentile(sorted, 95)).as("p95 of probe and /api/me latency, ms").isLessThan(1500);
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
