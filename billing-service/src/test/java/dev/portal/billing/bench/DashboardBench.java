package dev.portal.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import dev.portal.platform.test.FixtureServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/dashboard} latency (run with {@code -Pbench}, never in the normal build), side by side in one run:
 * warm caches with every source fast, then order-service answering in 1 s, then order-service slower than the
 * source timeout. The service runs with the production source timeout (2 s), on the in-process sandbox (WHMCS) and
 * fixture servers for order-service and case-service, closed-loop HTTP/1.1 clients with a bearer token. Results go
 * to stdout and {@code target/bench/dashboard-bench.txt}.
 */
@TestPropertySource(properties = "portal.billing.dashboard.source-timeout=2s")
class DashboardBench extends BillingTestBase {

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();

    @Test
    void dashboard_latency_with_warm_caches_and_with_one_slow_source() throws Exception {
        CASES.on("GET", "/api/cases", cases());
        FixtureServer.Body orders = orders();
        line("billing-service dashboard benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, JDK " + Runtime.version() + ", source timeout 2s, " + RUN.toSeconds() + " s per phase");
        line(String.format("%-48s %8s %8s %9s %9s %9s %7s", "phase", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors"));
        try {
            ORDERS.on("GET", "/api/orders", orders);
            phase("warm-up (not measured)", 4, WARM_UP, true, false);
            phase("warm caches, 1 client", 1, RUN, false, false);
            phase("warm caches, 8 clients", 8, RUN, false, false);
            ORDERS.on("GET", "/api/orders", FixtureServer.delayed(Duration.ofSeconds(1), orders));
            phase("order-service takes 1 s, 1 client", 1, RUN, false, false);
            phase("order-service takes 1 s, 8 clients", 8, RUN, false, false);
            ORDERS.on("GET", "/api/orders", FixtureServer.delayed(Duration.ofSeconds(5), orders));
            phase("order-service takes 5 s (cut at 2 s), 8 clients", 8, RUN, false, true);
        } finally {
            Path out = Path.of("target", "bench", "dashboard-bench.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    private void phase(String name, int clients, Duration length, boolean quiet, boolean ordersCut) throws Exception {
        String bearer = token(AIKO, AIKO_ACCOUNT);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                runs.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        HttpResponse<String> response = get(bearer);
                        long took = System.nanoTime() - started;
                        if (response == null || response.statusCode() != 200 || !asExpected(response.body(), ordersCut)) {
                            errors.incrementAndGet();
                        } else {
                            nanos.add(took);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        if (quiet) {
            return;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        assertThat(sorted).as(name + ": answers").isNotEmpty();
        line(String.format("%-48s %8d %8.1f %9.1f %9.1f %9.1f %7d", name, sorted.size(), sorted.size() / (double) length.toSeconds(),
                millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sorted.getLast()), errors.get()));
    }

    /** Every section there, but the orders when they are cut off by the timeout. */
    private static boolean asExpected(String body, boolean ordersCut) {
        JsonNode dashboard = JSON.readTree(body);
        return dashboard.path("recentOrders").path("available").asBoolean() != ordersCut
                && dashboard.path("unpaidInvoices").path("available").asBoolean()
                && dashboard.path("activeServices").path("available").asBoolean()
                && dashboard.path("openCases").path("available").asBoolean();
    }

    private HttpResponse<String> get(String bearer) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dashboard"))
                    .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static FixtureServer.Body orders() {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(Map.of("id", "801Sb000000000" + i + "AAA", "orderNumber", "0000010" + i, "status", "Activated",
                    "activationStatus", "ACTIVATED", "placedAt", Instant.now().minus(Duration.ofDays(3L * i)).toString(),
                    "total", Map.of("amount", 990, "currency", "JPY")));
        }
        return FixtureServer.json(200, JSON.writeValueAsString(Map.of("orders", orders, "page", 1, "size", 50, "total", 3)));
    }

    private static FixtureServer.Body cases() {
        return FixtureServer.json(200, JSON.writeValueAsString(Map.of("cases", List.of(Map.of("id", "500Sb0000000007AAA",
                "caseNumber", "00001007", "subject", "SIM not activating", "status", "New", "createdAt", "2026-12-01T01:02:03Z")),
                "page", 1, "size", 10, "total", 1)));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }
}
