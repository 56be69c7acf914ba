package dev.portal.sandbox.stripe;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delivery to endpoints configured in the settings, and endpoints that answer too late. */
class StripeEventsIT {

    private HttpServer receiver;
    private StripeEvents events;

    @AfterEach
    void stop() {
        if (events != null) {
            events.destroy();
        }
        receiver.stop(0);
    }

    private URI receiver(Duration answerAfter, AtomicInteger calls) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                calls.incrementAndGet();
                try {
                    Thread.sleep(answerAfter);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(204, -1);
            } catch (IOException gone) {
                // the sandbox gave up waiting
            }
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    private StripeEvents events(URI url, Duration timeout) {
        StripeSettings settings = new StripeSettings(null, null, List.of(url), null, 2, Duration.ofMillis(20), timeout, null);
        return new StripeEvents(settings, new StripeIds(), Clock.systemUTC());
    }

    private static ObjectNode customer() {
        ObjectNode customer = JsonNodeFactory.instance.objectNode();
        customer.put("id", "cus_1");
        customer.put("object", "customer");
        return customer;
    }

    @Test
    void endpoints_from_the_settings_receive_events_from_start() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        events = events(receiver(Duration.ZERO, calls), Duration.ofSeconds(2));

        String id = events.emit("customer.created", customer(), null, StripeOrigin.AUTOMATIC).get("id").asString();

        await().atMost(Duration.ofSeconds(5)).until(() -> events.deliveries().stream().anyMatch(StripeEvents.Delivery::succeeded));
        assertThat(events.endpoints()).extracting(StripeEvents.Endpoint::id).containsExactly("we_sandbox_1");
        assertThat(events.deliveries().getFirst().eventId()).isEqualTo(id);
        assertThat(events.deliveries().getFirst().status()).isEqualTo(204);
        assertThat(events.events().getFirst().get("pending_webhooks").asInt()).as("delivered").isZero();
    }

    @Test
    void an_endpoint_slower_than_the_timeout_is_retried_then_given_up() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        events = events(receiver(Duration.ofSeconds(2), calls), Duration.ofMillis(200));

        events.emit("customer.created", customer(), null, StripeOrigin.AUTOMATIC);

        await().atMost(Duration.ofSeconds(5)).until(() -> events.deliveries().size() == 2);
        assertThat(events.deliveries()).allSatisfy(d -> {
            assertThat(d.succeeded()).isFalse();
            assertThat(d.error()).contains("Timeout");
        });
        assertThat(events.deliveries()).extracting(StripeEvents.Delivery::attempt).containsExactly(1, 2);
    }
}
