package dev.portal.sandbox.stripe;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events for every state change, signed webhook deliveries with retries, and the admin scenarios that cause them. */
class StripeWebhooksIT extends StripeHttp {

    record Received(String signature, String body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresPerEvent = new AtomicInteger();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hooks", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String eventId = JSON.readTree(body).get("id").asString();
                if (attempts.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet() <= failuresPerEvent.get()) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                received.add(new Received(exchange.getRequestHeaders().getFirst("Stripe-Signature"), body));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        Answer registered = admin("POST", "/sandbox/admin/stripe/webhook-endpoints",
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}");
        assertThat(registered.status()).isEqualTo(201);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_new_subscription_is_posted_as_a_signed_event() {
        String sub = post("/v1/subscriptions", "customer=cus_sandbox_none&items[0][price]=price_sandbox_wishlist_starter", "key-hook")
                .body().get("id").asString();

        Received created = awaitEvent("customer.subscription.created");
        JsonNode event = JSON.readTree(created.body());
        assertThat(event.get("id").asString()).startsWith("evt_");
        assertThat(event.get("object").asString()).isEqualTo("event");
        assertThat(event.get("api_version").asString()).isEqualTo("2025-03-31.basil");
        assertThat(event.get("livemode").asBoolean()).isFalse();
        assertThat(event.get("pending_webhooks").asInt()).isEqualTo(1);
        assertThat(event.get("request").get("idempotency_key").asString()).isEqualTo("key-hook");
        assertThat(event.get("data").get("object").get("id").asString()).isEqualTo(sub);
        long t = Long.parseLong(created.signature().replaceAll("^t=(\\d+),.*$", "$1"));
        assertThat(created.signature()).isEqualTo(StripeEvents.signature("whsec_sandbox", t, created.body()));
        awaitEvent("invoice.paid");
        awaitEvent("entitlements.active_entitlement_summary.updated");
    }

    @Test
    void failed_deliveries_are_retried_and_logged() {
        failuresPerEvent.set(2);

        admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"unpaid\"}");

        Received updated = awaitEvent("customer.subscription.updated");
        String eventId = JSON.readTree(updated.body()).get("id").asString();
        JsonNode log = admin("GET", "/sandbox/admin/stripe/deliveries?event=" + eventId, null).body();
        assertThat(log).hasSize(3);
        assertThat(log.get(0).get("status").asInt()).isEqualTo(503);
        assertThat(log.get(0).get("succeeded").asBoolean()).isFalse();
        assertThat(log.get(2).get("attempt").asInt()).isEqualTo(3);
        assertThat(log.get(2).get("succeeded").asBoolean()).isTrue();
    }

    @Test
    void past_due_emits_a_failed_payment_and_the_status_change() {
        Answer changed = admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"past_due\"}");

        assertThat(changed.body().get("status").asString()).isEqualTo("past_due");
        awaitEvent("invoice.payment_failed");
        JsonNode updated = JSON.readTree(awaitEvent("customer.subscription.updated").body());
        assertThat(updated.get("data").get("previous_attributes").get("status").asString()).isEqualTo("active");
        assertThat(updated.get("request").get("id").isNull()).as("automatic change").isTrue();
    }

    @Test
    void canceling_emits_deleted_and_removes_entitlements() {
        admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"canceled\"}");

        assertThat(JSON.readTree(awaitEvent("customer.subscription.deleted").body()).get("data").get("object").get("status").asString())
                .isEqualTo("canceled");
        JsonNode summary = JSON.readTree(awaitEvent("entitlements.active_entitlement_summary.updated").body()).get("data");
        assertThat(summary.get("object").get("object").asString()).isEqualTo("entitlements.active_entitlement_summary");
        assertThat(summary.get("object").get("entitlements").get("data")).isEmpty();
        assertThat(summary.get("previous_attributes").get("entitlements").get("data")).hasSize(1);
    }

    @Test
    void renewal_moves_items_to_the_next_period_and_reports_the_invoice() {
        JsonNode before = get("/v1/subscriptions/sub_sandbox_pastdue").body().get("items").get("data").get(0);

        JsonNode after = admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_pastdue/renew", "{\"outcome\":\"paid\"}").body();

        JsonNode item = after.get("items").get("data").get(0);
        assertThat(item.get("current_period_start").asLong()).isEqualTo(before.get("current_period_end").asLong());
        assertThat(after.get("status").asString()).isEqualTo("active");
        JsonNode paid = JSON.readTree(awaitEvent("invoice.paid").body()).get("data").get("object");
        assertThat(paid.get("parent").get("subscription_details").get("subscription").asString()).isEqualTo("sub_sandbox_pastdue");
        JsonNode updated = JSON.readTree(awaitEvent("customer.subscription.updated").body()).get("data").get("previous_attributes");
        assertThat(updated.get("items").get("data").get(0).get("current_period_start").asLong())
                .isEqualTo(before.get("current_period_start").asLong());
    }

    @Test
    void a_failed_renewal_makes_the_subscription_past_due() {
        JsonNode after = admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/renew", "{\"outcome\":\"failed\"}").body();

        assertThat(after.get("status").asString()).isEqualTo("past_due");
        assertThat(JSON.readTree(awaitEvent("invoice.payment_failed").body()).get("data").get("object").get("status").asString())
                .isEqualTo("open");
    }

    @Test
    void a_changed_price_quota_shows_in_subscriptions() {
        Answer changed = admin("POST", "/sandbox/admin/stripe/prices/price_sandbox_wishlist_starter/metadata", "{\"metadata\":{\"wishlist_quota\":\"25\"}}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(get("/v1/subscriptions/sub_sandbox_active").body().get("items").get("data").get(0).get("price")
                .get("metadata").get("wishlist_quota").asString()).isEqualTo("25");
    }

    @Test
    void events_are_listed_newest_first_and_retrievable() {
        post("/v1/customers", "email=events%40example.jp");
        post("/v1/customers/cus_sandbox_none", "name=Mika+Ito+II");

        JsonNode events = get("/v1/events?limit=2").body();

        assertThat(events.get("object").asString()).isEqualTo("list");
        assertThat(events.get("data").get(0).get("type").asString()).isEqualTo("customer.updated");
        String id = events.get("data").get(1).get("id").asString();
        assertThat(get("/v1/events/" + id).body().get("type").asString()).isEqualTo("customer.created");
    }

    @Test
    void unregistered_endpoints_receive_nothing() {
        JsonNode endpoints = admin("GET", "/sandbox/admin/stripe/webhook-endpoints", null).body();
        admin("DELETE", "/sandbox/admin/stripe/webhook-endpoints/" + endpoints.get(0).get("id").asString(), null);

        post("/v1/customers", "email=quiet%40example.jp");

        assertThat(get("/v1/events?limit=1").body().get("data").get(0).get("pending_webhooks").asInt()).isZero();
        assertThat(admin("GET", "/sandbox/admin/stripe/deliveries", null).body()).isEmpty();
    }

    private Received awaitEvent(String type) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .filter(r -> type.equals(JSON.readTree(r.body()).get("type").asString())).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }
}
