package dev.portal.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.portal.platform.security.test.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (runs only with {@code -Pbench}): a cached-like GET (a precomputed 1 KiB JSON answer with
 * {@code Cache-Control}) called with N concurrent clients directly on the service and through the gateway (token
 * validation, relay, limits off, breaker and retry filters on), alternating phases in one run. Writes
 * {@code target/bench/gateway.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.gateway.limits.enabled=false", "portal.gateway.revocation.enabled=false"})
class GatewayThroughputBench {

    static {
        // the JDK server would otherwise wait for delayed ACKs (Nagle) on keep-alive connections: ~40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final Duration PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    static final AtomicLong SERVED = new AtomicLong();
    static final TestTokens TOKENS = TestTokens.start();
    static final HttpServer SERVICE = service();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("PORTAL_CATALOG_URL", () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
        registry.add("portal.security.jwks-uri", () -> TOKENS.jwksUri().toString());
    }

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    record Result(String target, long requests, long errors, double seconds, long[] latenciesMicros) {
        double throughput() {
            return requests / seconds;
        }

        long percentile(double p) {
            return latenciesMicros.length == 0 ? 0 : latenciesMicros[(int) Math.min(latenciesMicros.length - 1, Math.ceil(p * latenciesMicros.length) - 1)];
        }
    }

    @Test
    void direct_versus_through_the_gateway() throws Exception {
        String token = TOKENS.valid("bench-user");
        URI direct = URI.create("http://127.0.0.1:" + SERVICE.getAddress().getPort() + "/api/catalog/products");
        URI gateway = URI.create("http://127.0.0.1:" + port + "/api/catalog/products");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 120));
        run(http, "warm-up direct", direct, token, warmUp.dividedBy(4));
        run(http, "warm-up gateway", gateway, token, warmUp);
        long servedBefore = SERVED.get();
        Result probe = run(http, "probe", gateway, token, Duration.ofSeconds(3));
        System.out.printf("probe: %d gateway requests, %d served upstream%n", probe.requests(), SERVED.get() - servedBefore);
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            results.add(run(http, "direct", direct, token, PHASE));
            results.add(run(http, "gateway", gateway, token, PHASE));
        }

        StringBuilder report = new StringBuilder("gateway benchmark " + Instant.now() + ", " + CLIENTS + " clients, "
                + ROUNDS + " x " + PHASE.toSeconds() + " s per target, JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs\n");
        report.append(String.format("%-8s %10s %8s %10s %10s %10s%n", "target", "req/s", "errors", "p50 ms", "p99 ms", "p99.9 ms"));
        for (Result r : results) {
            report.append(String.format("%-8s %10.0f %8d %10.2f %10.2f %10.2f%n", r.target(), r.throughput(), r.errors(),
                    r.percentile(0.50) / 1000.0, r.percentile(0.99) / 1000.0, r.percentile(0.999) / 1000.0));
        }
        Result d = merge("direct", results);
        Result g = merge("gateway", results);
        report.append(String.format("all rounds: direct %.0f req/s p50 %.2f ms p99 %.2f ms; gateway %.0f req/s p50 %.2f ms p99 %.2f ms%n",
                d.throughput(), d.percentile(0.5) / 1000.0, d.percentile(0.99) / 1000.0,
                g.throughput(), g.percentile(0.5) / 1000.0, g.percentile(0.99) / 1000.0));
        report.append(String.format("ratio gateway/direct: throughput %.2f, p50 %.2fx, p99 %.2fx%n",
                g.throughput() / d.throughput(), (double) g.percentile(0.5) / d.percentile(0.5),
                (double) g.percentile(0.99) / d.percentile(0.99)));
        System.out.println(report);
        Path out = Path.of("target", "bench", "gateway.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static Result merge(String target, List<Result> results) {
        long requests = 0;
        long errors = 0;
        double seconds = 0;
        List<long[]> all = new ArrayList<>();
        for (Result r : results) {
            if (r.target().equals(target)) {
                requests += r.requests();
                errors += r.errors();
                seconds += r.seconds();
                all.add(r.latenciesMicros());
            }
        }
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(target, requests, errors, seconds, merged);
    }

    private static Result run(HttpClient http, String target, URI uri, String token, Duration duration) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<long[]>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = (System.nanoTime() - t0) / 1000;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> client : clients) {
                all.add(client.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(target.replace("warm-up ", "warm-up-"), merged.length, errors.get(), seconds, merged);
        }
    }

    private static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            byte[] body = ("{\"products\":[" + "{\"sku\":\"SIM-DATA-10GB\",\"name\":\"Data SIM 10 GB\",\"price\":\"19.90\"},".repeat(14)
                    + "{\"sku\":\"END\"}]}").getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                SERVED.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
