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
import java.util.Set;
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

    /** The sandbox's Freebit takes 5 minutes to activate a new line (docs/sandbox/freebit.md), the saga waits it out. */
    private static final Duration SAGA = Duration.ofMinutes(8);
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
        // Aiko's other tab stays connected the whole time: what the dropped stream plus the resumed one got must equal it
        try (EventStream jiros = EventStream.open(Map.of("Authorization", "Bearer " + Customers.jiro()));
             EventStream control = EventStream.open(aikosCookie)) {
            assertThat(jiros.status()).isEqualTo(200);
            assertThat(control.status()).isEqualTo(200);
            // counted on its instance before the next stream is located by the counts
            await().atMost(Duration.ofSeconds(30)).until(() -> control.lastEventId() != null);
            Located first = openLocated(aikosCookie);
            String orderId = placeOrder();

            Instant approved = Instant.now();
            // the operator approves the order and assigns the new line's number, as fulfillment needs for a SIM line
            new Sandbox().patchSalesforceRecord("Order", orderId, "{\"Status\":\"Approved\",\"MSISDN__c\":\"" + newNumber()
                    + "\",\"SIM_Type__c\":\"Physical\"}");
            EventStream.Event firstStep = first.stream().await(event -> orderId.equals(event.json().path("orderId").asString()), SAGA);
            System.out.printf("[notifications] Salesforce approval to the first notification in the browser: %d ms%n",
                    firstStep.readAtMillis() - approved.toEpochMilli());
            first.stream().await(event -> "create-whmcs-order".equals(step(event)), SAGA);
            first.stream().close();
            List<EventStream.Event> beforeDrop = ofOrder(first.stream().events(), orderId);
            Set<String> seen = Set.copyOf(steps(beforeDrop));
            // the saga goes on while the browser is away: the timeline shows a step state the dropped stream never got
            await().atMost(SAGA).until(() -> timeline(orderId).stream().anyMatch(entry -> !seen.contains(entry)));

            Located again = reconnectElsewhere(aikosCookie, first.stream().lastEventId(), first.port());
            again.stream().await(NotificationsIT::activated, SAGA);
            List<EventStream.Event> afterDrop = ofOrder(again.stream().events(), orderId);
            again.stream().close();
            control.await(NotificationsIT::activated, SAGA);
            List<EventStream.Event> everything = ofOrder(control.events(), orderId);

            List<EventStream.Event> all = EventStream.concat(beforeDrop, afterDrop);
            assertThat(afterDrop).as("the resumed stream got what was missed").isNotEmpty();
            assertThat(all).extracting(EventStream.Event::id).doesNotHaveDuplicates();
            assertThat(all).extracting(event -> offset(event.id())).as("ids only grow").isSorted();
            assertThat(all).extracting(EventStream.Event::id, EventStream.Event::type, EventStream.Event::data)
                    .as("before the drop plus after the resume on the other instance = the stream that never dropped")
                    .containsExactlyElementsOf(everything.stream()
                            .map(event -> org.assertj.core.groups.Tuple.tuple(event.id(), event.type(), event.data())).toList());
            assertThat(latestPerStep(all)).as("every step's last notified state, in the order of the timeline")
                    .containsExactlyElementsOf(timeline(orderId));
            assertThat(ofOrder(jiros.events(), orderId)).as("another user's stream").isEmpty();
        }
    }

    private static boolean activated(EventStream.Event event) {
        return "order.status-changed".equals(event.type()) && "ACTIVATED".equals(event.json().path("activationStatus").asString());
    }

    /** {@code "<step> <status>"} of each step's last notification, steps in the order they first appeared. */
    private static List<String> latestPerStep(List<EventStream.Event> events) {
        Map<String, String> latest = new java.util.LinkedHashMap<>();
        events.stream().filter(event -> event.type().equals("order.step-changed"))
                .forEach(event -> latest.put(step(event), event.json().path("status").asString()));
        return latest.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).toList();
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

    /** A mobile number no line of the sandbox has yet (070 and eight random digits). */
    private static String newNumber() {
        return "070" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
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
