package dev.portal.catalog.bench;

import static dev.portal.catalog.CatalogFixture.SANDBOX;
import static dev.portal.catalog.CatalogFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.catalog.CatalogFixture;
import dev.portal.catalog.CdcBridgeProcess;
import dev.portal.clients.salesforce.SalesforceClient;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmarks (run with {@code -Pbench}, never in the normal build): (1) change-to-fresh-read latency, from a price
 * change through the Salesforce REST API until BOTH catalogue instances serve it (sandbox CometD -> real cdc-bridge
 * process -> Kafka -> two instances), and (2) cached {@code GET /api/catalog} throughput at several client
 * concurrencies, side by side in one run. Results go to stdout and {@code target/bench/catalog-bench.txt}.
 */
class CatalogBench {

    static final String FTTH_1G = "01tSb0000000001IAA";
    static final String FTTH_1G_ENTRY = "01uSb0000000101IAA";
    static final int SAMPLES = Integer.getInteger("bench.samples", 50);
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));

    private final List<String> report = new ArrayList<>();

    @Test
    void change_to_fresh_read_latency_and_cached_listing_throughput() throws Exception {
        SANDBOX.reset();
        try (CatalogFixture fixture = new CatalogFixture(); CdcBridgeProcess bridge = CdcBridgeProcess.start()) {
            ConfigurableApplicationContext first = fixture.start("portal.catalog.instance-id=bench-first");
            ConfigurableApplicationContext second = fixture.start("portal.catalog.instance-id=bench-second");
            int firstPort = port(first);
            int secondPort = port(second);
            String bearer = token(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> "5280".equals(price(firstPort, bearer)) && "5280".equals(price(secondPort, bearer)));
            SalesforceClient salesforce = first.getBean(SalesforceClient.class);

            line("catalog-service benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cpus, JDK "
                    + Runtime.version());
            latency(salesforce, firstPort, secondPort, bearer);
            throughput(firstPort, bearer);
        } finally {
            SANDBOX.reset();
            Path out = Path.of("target", "bench", "catalog-bench.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    private void latency(SalesforceClient salesforce, int firstPort, int secondPort, String bearer) throws InterruptedException {
        // a few unmeasured changes warm the path (JIT, connections)
        List<Double> millis = new ArrayList<>();
        for (int i = -5; i < SAMPLES; i++) {
            String expected = Integer.toString(6000 + i + 5);
            long started = System.nanoTime();
            salesforce.update("PricebookEntry", FTTH_1G_ENTRY, Map.of("UnitPrice", Integer.parseInt(expected)));
            boolean firstFresh = false;
            boolean secondFresh = false;
            while (!(firstFresh && secondFresh)) {
                firstFresh = firstFresh || expected.equals(price(firstPort, bearer));
                secondFresh = secondFresh || expected.equals(price(secondPort, bearer));
                if (System.nanoTime() - started > Duration.ofSeconds(30).toNanos()) {
                    throw new AssertionError("change " + expected + " not served by both instances within 30 s");
                }
                Thread.sleep(5);
            }
            if (i >= 0) {
                millis.add((System.nanoTime() - started) / 1e6);
            }
            Thread.sleep(50);
        }
        Collections.sort(millis);
        line(String.format("change-to-fresh-read (REST update -> both instances serve it), %d samples: p50 %.0f ms, p90 %.0f ms, "
                + "p99 %.0f ms, min %.0f ms, max %.0f ms", millis.size(), pct(millis, 50), pct(millis, 90), pct(millis, 99),
                millis.getFirst(), millis.getLast()));
    }

    private void throughput(int port, String bearer) throws InterruptedException {
        for (String path : List.of("/api/catalog", "/api/catalog?category=sim")) {
            for (int clients : new int[] {1, 4, 8}) {
                run(port, path, bearer, clients, Duration.ofSeconds(3));
                long[] result = run(port, path, bearer, clients, RUN);
                line(String.format("GET %s, %d concurrent clients, %d s: %.0f req/s, %d errors", path, clients, RUN.toSeconds(),
                        result[0] / (double) RUN.toSeconds(), result[1]));
            }
        }
    }

    private static long[] run(int port, String path, String bearer, int clients, Duration length) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(10)).GET().build();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            (response.statusCode() == 200 ? ok : errors).incrementAndGet();
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
        }
        assertThat(ok.get()).isPositive();
        return new long[] {ok.get(), errors.get()};
    }

    private static String price(int port, String bearer) {
        HttpResponse<String> response = CatalogFixture.get(port, "/api/catalog/products/" + FTTH_1G, bearer);
        return response.statusCode() == 200 ? CatalogFixture.json(response).path("price").path("amount").asString() : null;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void line(String text) {
        System.out.println("[bench] " + text);
        report.add(text);
    }
}
