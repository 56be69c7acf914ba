package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe webhooks: signature, dedupe by event id, order safety, and real deliveries from the sandbox. Event bodies
 * are the sandbox's own events (read from its {@code /v1/events}), signed as Stripe signs them.
 */
class StripeWebhooksIT extends WishlistTestBase {

    private static final String HOOK = "/api/stripe/webhooks";

    @Test
    void a_bad_or_missing_signature_is_400() {
        String body = priceEvent().toString();

        HttpResponse<String> forged = deliver(body, sign(body, "whsec_not_the_secret", Instant.now()));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(problemCode(forged)).isEqualTo("invalid-signature");

        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + HOOK))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(problemCode(unsigned)).isEqualTo("invalid-signature");

        HttpResponse<String> tampered = deliver(body.replace("wishlist_quota", "wishlist_quote"), sign(body, "whsec_sandbox", Instant.now()));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(count("select count(*) from inbox")).isZero();
    }

    @Test
    void a_duplicate_event_is_applied_once() {
        paidGroup("alice", "Family", "sub_sandbox_active");
        SANDBOX.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"past_due\"}");
        String body = latestEvent("customer.subscription.updated").toString();

        HttpResponse<String> first = deliver(body);
        HttpResponse<String> second = deliver(body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("outcome").asString()).isEqualTo("applied");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("outcome").asString()).isEqualTo("duplicate");
        assertThat(status("sub_sandbox_active")).isEqualTo("past_due");
        assertThat(count("select count(*) from inbox")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'subscription.synced' and after->>'status' = 'past_due'"))
                .isEqualTo(1);
    }

    @Test
    void events_out_of_order_leave_the_latest_state_and_older_events_are_skipped_without_stripe() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        SANDBOX.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"past_due\"}");
        JsonNode pastDue = latestEvent("customer.subscription.updated");
        SANDBOX.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"canceled\"}");
        JsonNode deleted = latestEvent("customer.subscription.deleted");

        assertThat(deliver(deleted.toString()).statusCode()).isEqualTo(200);
        assertThat(deliver(pastDue.toString()).statusCode()).isEqualTo(200);

        assertThat(status("sub_sandbox_active")).isEqualTo("canceled");
        assertThat(problemCode(createWishlist("alice", group, "Too late"))).isEqualTo("subscription-cancelled");

        // an event older than the newest applied one is recorded and skipped: Stripe is not even asked
        ObjectNode older = (ObjectNode) pastDue.deepCopy();
        older.put("id", "evt_replayed_old");
        older.put("created", deleted.path("created").asLong() - 3600);
        SANDBOX.fault("stripe", "{\"failure\":\"status\",\"status\":503}");
        HttpResponse<String> stale = deliver(older.toString());
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(200);
        assertThat(json(stale).path("outcome").asString()).isEqualTo("stale");
        assertThat(status("sub_sandbox_active")).isEqualTo("canceled");
    }

    @Test
    void stripe_unreachable_while_applying_is_503_so_that_stripe_retries() {
        paidGroup("alice", "Family", "sub_sandbox_active");
        SANDBOX.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"past_due\"}");
        String body = latestEvent("customer.subscription.updated").toString();
        SANDBOX.fault("stripe", "{\"failure\":\"status\",\"status\":503,\"remaining\":1}");

        HttpResponse<String> failed = deliver(body);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(count("select count(*) from inbox")).isZero();

        HttpResponse<String> retried = deliver(body);
        assertThat(json(retried).path("outcome").asString()).isEqualTo("applied");
        assertThat(status("sub_sandbox_active")).isEqualTo("past_due");
    }

    @Test
    void a_plan_quota_change_reaches_the_subscription() {
        paidGroup("alice", "Family", "sub_sandbox_active");
        SANDBOX.admin("POST", "/sandbox/admin/stripe/prices/price_sandbox_wishlist_starter/metadata",
                "{\"metadata\":{\"wishlist_quota\":\"25\"}}");

        HttpResponse<String> response = deliver(latestEvent("price.updated").toString());

        assertThat(json(response).path("outcome").asString()).isEqualTo("applied");
        assertThat(jdbc.sql("select wishlist_quota from subscriptions").query(Integer.class).single()).isEqualTo(25);
    }

    @Test
    void events_of_subscriptions_no_group_uses_are_acknowledged_and_ignored() {
        HttpResponse<String> response = deliver(priceEvent().toString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("outcome").asString()).isEqualTo("ignored");
        assertThat(count("select count(*) from subscriptions")).isZero();
    }

    @Test
    void the_sandbox_delivers_signed_events_that_keep_the_status_current() throws Exception {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        String endpoint = JSON.readTree(SANDBOX.admin("POST", "/sandbox/admin/stripe/webhook-endpoints",
                "{\"url\":\"http://127.0.0.1:" + port + HOOK + "\"}")).path("id").asString();
        try {
            SANDBOX.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"canceled\"}");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!"canceled".equals(status("sub_sandbox_active")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(status("sub_sandbox_active")).isEqualTo("canceled");
            assertThat(problemCode(createWishlist("alice", group, "After cancel"))).isEqualTo("subscription-cancelled");
        } finally {
            SANDBOX.admin("DELETE", "/sandbox/admin/stripe/webhook-endpoints/" + endpoint, null);
        }
    }

    // ---- helpers ----

    /** A {@code price.updated} event: the sandbox's seed emits none, a metadata change does. */
    private JsonNode priceEvent() {
        SANDBOX.admin("POST", "/sandbox/admin/stripe/prices/price_sandbox_wishlist_pro/metadata",
                "{\"metadata\":{\"wishlist_quota\":\"150\"}}");
        return latestEvent("price.updated");
    }

    private String status(String stripeId) {
        return jdbc.sql("select status from subscriptions where stripe_subscription_id = ?").param(stripeId)
                .query(String.class).single();
    }

    private JsonNode latestEvent(String type) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(SANDBOX.url("/stripe/v1/events?type=" + type + "&limit=1"))
                .header("Authorization", "Bearer sk_test_sandbox").GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode event = json(response).path("data").get(0);
        assertThat(event).as("a %s event", type).isNotNull();
        return event;
    }

    private HttpResponse<String> deliver(String body) {
        return deliver(body, sign(body, "whsec_sandbox", Instant.now()));
    }

    private HttpResponse<String> deliver(String body, String signature) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + HOOK))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String sign(String body, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return "t=" + t + ",v1=" + v1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
