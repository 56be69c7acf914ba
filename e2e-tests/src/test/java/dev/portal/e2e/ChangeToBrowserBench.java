package dev.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Change-to-browser latency of the whole suite: an operator approves orders in Salesforce at {@code bench.rate}
 * changes a second; each change goes through the CDC bridge, Kafka, the fulfillment saga's first step, order-service's
 * relay as a notification, the outbox, a notification instance and the gateway to the customer's event stream.
 * Measured per order: from the start of the Salesforce PATCH to the first notification about it read from the stream.
 * Run with {@code bench/notification-change-to-browser.sh}; the report goes to {@code target/bench/change-to-browser.txt}.
 */
@ExtendWith(SuiteExtension.class)
class ChangeToBrowserBench {

    static final int ORDERS = Integer.getInteger("bench.orders", 100);
    static final int RATE = Integer.getInteger("bench.rate", 50);

    @Test
    void salesforce_order_approval_to_the_first_notification_in_the_browser() throws Exception {
        List<String> report = new ArrayList<>();
        Browser aiko = Browser.bearer(Customers.aiko());
        String entry = aiko.get("/api/catalog").json().path("products").valueStream()
                .filter(product -> product.path("code").asString().equals("SIM-VOICE-20GB")).findFirst()
                .map(product -> product.path("pricebookEntryId").asString()).orElseThrow();
        List<String> orders = new ArrayList<>();
        long placing = System.nanoTime();
        for (int i = 0; i < ORDERS; i++) {
            Browser.Response placed = aiko.send("POST", "/api/orders", Map.of("items", List.of(Map.of("pricebookEntryId", entry,
                    "quantity", 1))), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            orders.add(placed.json().path("id").asString());
        }
        report.add(String.format(Locale.ROOT, "placed %d orders through the gateway in %.1f s", ORDERS,
                (System.nanoTime() - placing) / 1e9));

        Map<String, Long> approvedAt = new ConcurrentHashMap<>();
        try (EventStream stream = EventStream.open(Map.of("Authorization", "Bearer " + Customers.aiko()));
             ExecutorService operators = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(stream.status()).isEqualTo(200);
            Sandbox salesforce = new Sandbox();
            long start = System.nanoTime();
            for (int i = 0; i < orders.size(); i++) {
                long due = start + TimeUnit.SECONDS.toNanos(1) * i / RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String order = orders.get(i);
                operators.submit(() -> {
                    approvedAt.put(order, System.currentTimeMillis());
                    salesforce.patchSalesforceRecord("Order", order, "{\"Status\":\"Approved\"}");
                });
            }
            report.add(String.format(Locale.ROOT, "approved them at %d/s (offered), in %.1f s", RATE,
                    (System.nanoTime() - start) / 1e9));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                    firstNotifications(stream, approvedAt).size() == orders.size());
            Map<String, Long> first = firstNotifications(stream, approvedAt);
            long[] latencies = orders.stream().mapToLong(order -> first.get(order) - approvedAt.get(order)).sorted().toArray();
            report.add(String.format(Locale.ROOT, "Salesforce PATCH to the first notification in the browser, %d orders: "
                            + "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms", latencies.length, at(latencies, 50), at(latencies, 90),
                    at(latencies, 99), latencies[latencies.length - 1]));
        } finally {
            report.forEach(line -> System.out.println("[bench] " + line));
            Files.createDirectories(Path.of("target", "bench"));
            Files.write(Path.of("target", "bench", "change-to-browser.txt"), report);
        }
    }

    /** The time each approved order's first notification was read. */
    private static Map<String, Long> firstNotifications(EventStream stream, Map<String, Long> approved) {
        Map<String, Long> first = new LinkedHashMap<>();
        for (EventStream.Event event : stream.events()) {
            String order = event.json().path("orderId").asString();
            if (approved.containsKey(order)) {
                first.putIfAbsent(order, event.readAtMillis());
            }
        }
        return first;
    }

    private static long at(long[] sorted, int percentile) {
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
