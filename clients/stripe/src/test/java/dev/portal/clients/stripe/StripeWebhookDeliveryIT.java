package dev.portal.clients.stripe;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import dev.portal.sandbox.EmbeddedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real loopback webhook receiver registered with the sandbox: what the sandbox posts verifies with stripe-java's
 * own {@code Webhook.constructEvent} and with {@link StripeWebhooks}.
 */
class StripeWebhookDeliveryIT {

    record Delivery(String type, String eventId, StripeEvent event) {
    }

    private final EmbeddedSandbox sandbox = Sandbox.get();
    private final StripeWebhooks webhooks = new StripeWebhooks("whsec_sandbox", Duration.ofSeconds(300), Clock.systemUTC());
    private final List<Delivery> verified = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void start() throws IOException {
        sandbox.reset();
        sandbox.clearFaults();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/stripe/webhook", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String signature = exchange.getRequestHeaders().getFirst("Stripe-Signature");
                try {
                    Event event = Webhook.constructEvent(body, signature, "whsec_sandbox");
                    verified.add(new Delivery(event.getType(), event.getId(), webhooks.verify(body, signature)));
                    exchange.sendResponseHeaders(200, -1);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(400, -1);
                }
            }
        });
        receiver.start();
        sandbox.admin("POST", "/sandbox/admin/stripe/webhook-endpoints",
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/stripe/webhook\"}");
    }

    @AfterEach
    void stop() {
        sandbox.reset();
        receiver.stop(0);
    }

    @Test
    void a_status_change_arrives_signed_and_verifiable_by_stripe_java() {
        sandbox.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"past_due\"}");

        Delivery updated = await().atMost(Duration.ofSeconds(10)).until(() -> verified.stream()
                .filter(d -> d.type().equals("customer.subscription.updated")).findFirst(), java.util.Optional::isPresent).orElseThrow();

        StripeEvent event = updated.event();
        assertThat(event.id()).isEqualTo(updated.eventId());
        assertThat(event.apiVersion()).isEqualTo("2025-03-31.basil");
        assertThat(event.objectType()).isEqualTo("subscription");
        assertThat(event.objectId()).isEqualTo("sub_sandbox_active");
        assertThat(event.customerId()).isEqualTo("cus_sandbox_active");
        assertThat(event.object().get("status").asString()).isEqualTo("past_due");
        assertThat(event.previousAttributes().get("status").asString()).isEqualTo("active");
    }

    @Test
    void a_renewal_reports_the_paid_invoice() {
        sandbox.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/renew", "{\"outcome\":\"paid\"}");

        StripeEvent paid = await().atMost(Duration.ofSeconds(10)).until(() -> verified.stream()
                .filter(d -> d.type().equals("invoice.paid")).findFirst(), java.util.Optional::isPresent).orElseThrow().event();

        assertThat(paid.objectType()).isEqualTo("invoice");
        assertThat(paid.customerId()).isEqualTo("cus_sandbox_active");
        assertThat(paid.object().get("parent").get("subscription_details").get("subscription").asString()).isEqualTo("sub_sandbox_active");
    }
}
