package dev.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications through the gateway, from the order flow: Aiko's browser holds an event stream (her session cookie,
 * as {@code EventSource} sends it) while an order of hers is approved in Salesforce and fulfilled; the saga's steps
 * arrive in order. Mid-saga the stream drops and comes back with {@code Last-Event-ID}; the gateway sends it to the
 * other notification instance, which sends exactly the missed steps and then the rest. Jiro's stream, open all the
 * while, never shows them.
 */
@Order(8)
@ExtendWith(SuiteExtension.class)
class NotificationsIT {

    private static final Duration SAGA = Duration.ofMinutes(3);
    private static final int[] NOTIFICATION_PORTS = {8089, 8091};
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void without_a_token_the_stream_is_a_401_problem() throws IOException {
        try (EventStream anonymous = EventStream.open(Map.of())) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Browser.JSON.readTree(anonymous.body()).path("code").asString()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void an_orders_saga_steps_arrive_in_order_and_a_stream_resumed_on_the_other_instance_gets_exactly_the_missed_ones() {
        Customers.aiko();
        Browser aiko = new Browser();
        assertThat(aiko.post("/api/auth/login", Map.of("email", Customers.AIKO_EMAIL, "password", Customers.AIKO_PASSWORD))
                .status()).isEqualTo(200);
        Map<String, String> aikosCookie = Map.of("Cookie", "portal_access=" + aiko.cookie("portal_access").orElseThrow());
        try (EventStream jiros = EventStream.open(Map.of("Authorization", "Bearer " + Customers.jiro()))) {
            assertThat(jiros.status()).isEqualTo(200);
            Located first = openLocated(aikosCookie);
            String orderId = placeOrder();

            Instant approved = Instant.now();
            new Sandbox().patchSalesforceRecord("Order", orderId, "{\"Status\":\"Approved\"}");
            EventStream.Event firstStep = first.stream().await(event -> orderId.equals(event.json().path("orderId").asString()), SAGA);
            System.out.printf("[notifications] Salesforce approval to the first notification in the browser: %d ms%n",
                    firstStep.readAtMillis() - approved.toEpochMilli());
            first.stream().await(event -> "create-whmcs-order".equals(step(event)), SAGA);
            first.stream().close();
            List<EventStream.Event> beforeDrop = ofOrder(first.stream().events(), orderId);
            long stepsSeen = steps(beforeDrop).size();
            // the saga goes on while the browser is away
            await().atMost(SAGA).until(() -> timeline(orderId).size() > stepsSeen);

            Located again = reconnectElsewhere(aikosCookie, first.stream().lastEventId(), first.port());
            again.stream().await(event -> "order.status-changed".equals(event.type())
                    && "ACTIVATED".equals(event.json().path("activationStatus").asString()), SAGA);
            List<EventStream.Event> afterDrop = ofOrder(again.stream().events(), orderId);
            again.stream().close();

            List<String> timeline = timeline(orderId);
            List<EventStream.Event> all = EventStream.concat(beforeDrop, afterDrop);
            assertThat(all).extracting(EventStream.Event::id).doesNotHaveDuplicates();
            assertThat(all).extracting(event -> offset(event.id())).as("ids only grow").isSorted();
            assertThat(steps(all)).as("one notification per step change, in the order of the timeline, none missed")
                    .containsExactlyElementsOf(timeline);
            assertThat(steps(afterDrop).getFirst()).as("the resumed stream starts with the first step missed")
                    .isEqualTo(timeline.get((int) stepsSeen));
            assertThat(ofOrder(jiros.events(), orderId)).as("another user's stream").isEmpty();
        }
    }

    private String placeOrder() {
        Browser aiko = Browser.bearer(Customers.aiko());
        String entry = aiko.get("/api/catalog").json().path("products").valueStream()
                .filter(product -> product.path("code").asString().equals("SIM-VOICE-20GB")).findFirst()
                .map(product -> product.path("pricebookEntryId").asString()).orElseThrow();
        Browser.Response placed = aiko.send("POST", "/api/orders", Map.of("items", List.of(Map.of("pricebookEntryId", entry,
                "quantity", 1))), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().path("id").asString();
    }

    /** A stream and the notification instance that serves it. */
    private record Located(EventStream stream, int port) {
    }

    /** Opens a stream through the gateway and finds the instance it landed on, by their open-stream counts. */
    private Located openLocated(Map<String, String> headers) {
        int[] before = {openStreams(NOTIFICATION_PORTS[0]), openStreams(NOTIFICATION_PORTS[1])};
        EventStream stream = EventStream.open(headers);
        assertThat(stream.status()).isEqualTo(200);
        int[] on = {0};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (int i = 0; i < NOTIFICATION_PORTS.length; i++) {
                if (openStreams(NOTIFICATION_PORTS[i]) == before[i] + 1) {
                    on[0] = NOTIFICATION_PORTS[i];
                    return true;
                }
            }
            return false;
        });
        return new Located(stream, on[0]);
    }

    /**
     * Reconnects as a browser would (cookie and {@code Last-Event-ID}) until the gateway's load balancer picks another
     * instance than {@code previous}: a stream that lands on the same one is closed again at once.
     */
    private Located reconnectElsewhere(Map<String, String> cookie, String lastEventId, int previous) {
        Map<String, String> headers = new java.util.HashMap<>(cookie);
        headers.put("Last-Event-ID", lastEventId);
        for (int attempt = 0; attempt < 10; attempt++) {
            int[] settled = {openStreams(NOTIFICATION_PORTS[0]) + openStreams(NOTIFICATION_PORTS[1])};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                int now = openStreams(NOTIFICATION_PORTS[0]) + openStreams(NOTIFICATION_PORTS[1]);
                boolean same = now == settled[0];
                settled[0] = now;
                return same;
            });
            Located stream = openLocated(headers);
            if (stream.port() != previous) {
                return stream;
            }
            stream.stream().close();
        }
        throw new AssertionError("the gateway never sent the stream to the other notification instance");
    }

    /** The order's fulfillment timeline as order-service shows it: {@code "<step> <status>"} per entry. */
    private static List<String> timeline(String orderId) {
        return Browser.bearer(Customers.aiko()).get("/api/orders/" + orderId).json().path("timeline").valueStream()
                .map(entry -> entry.path("step").asString() + " " + entry.path("status").asString()).toList();
    }

    private static List<String> steps(List<EventStream.Event> events) {
        return events.stream().filter(event -> event.type().equals("order.step-changed"))
                .map(event -> step(event) + " " + event.json().path("status").asString()).toList();
    }

    /** Open streams of one notification instance, from its metrics (the instances' own ports, not through the gateway). */
    private int openStreams(int port) {
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(RunningSuite.url(port, "/actuator/prometheus")))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines().filter(line -> line.startsWith("portal_notification_streams_open"))
                    .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
        } catch (IOException e) {
            return -100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<EventStream.Event> ofOrder(List<EventStream.Event> events, String orderId) {
        return events.stream().filter(event -> orderId.equals(event.json().path("orderId").asString())).toList();
    }

    private static String step(EventStream.Event event) {
        return event.json().path("step").asString();
    }

    private static long offset(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }
}
