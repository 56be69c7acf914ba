package dev.portal.wishlist.subscriptions;

import dev.portal.clients.stripe.StripeEvent;
import dev.portal.clients.stripe.StripeSignatureException;
import dev.portal.clients.stripe.StripeSubscription;
import dev.portal.clients.stripe.StripeWebhooks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's webhooks (public path, authenticated by the signature). Each event is applied at most once (the inbox
 * row commits with its effect), and the effect is always "read the subscription from Stripe again and store it":
 * the stored state is then Stripe's latest, whatever order events arrive in. An event older than the newest one
 * already applied to the subscription is recorded and skipped without asking Stripe.
 */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    static final String CONSUMER = "wishlist.stripe-webhooks";

    private final StripeWebhooks webhooks;
    private final SubscriptionService subscriptions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    StripeWebhookController(StripeWebhooks webhooks, SubscriptionService subscriptions,
                            JdbcClient jdbc, TransactionTemplate transactions) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    record Receipt(String id, String outcome) {
    }

    @PostMapping("/api/stripe/webhooks")
    Receipt receive(@RequestBody(required = false) String body,
                    @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        StripeEvent event;
        try {
            event = webhooks.verify(body, signature);
        } catch (StripeSignatureException e) {
            throw new InvalidSignature();
        }
        if (seen(event.id())) {
            return new Receipt(event.id(), "duplicate");
        }
        List<String> affected = affectedSubscriptions(event);
        List<String> fresh = affected.stream().filter(id -> !olderThanApplied(id, event.created())).toList();
        // read outside the transaction: a slow Stripe must not hold a connection and locks
        List<Optional<StripeSubscription>> reads = fresh.stream().map(subscriptions::read).toList();
        String outcome = transactions.execute(tx -> {
            int inserted = jdbc.sql("insert into inbox (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing")
                    .params(CONSUMER, event.id(), event.type()).update();
            if (inserted == 0) {
                return "duplicate";
            }
            reads.forEach(read -> read.ifPresent(s -> subscriptions.store(s, event.created())));
            if (affected.isEmpty()) {
                return "ignored";
            }
            return fresh.isEmpty() ? "stale" : "applied";
        });
        log.info("stripe event {} ({}) {}: subscriptions {}", event.id(), event.type(), outcome, fresh);
        return new Receipt(event.id(), outcome);
    }

    private boolean seen(String eventId) {
        return jdbc.sql("select exists (select 1 from inbox where consumer = ? and event_id = ?)")
                .params(CONSUMER, eventId).query(Boolean.class).single();
    }

    private boolean olderThanApplied(String stripeSubscriptionId, Instant created) {
        return jdbc.sql("select last_event_at from subscriptions where stripe_subscription_id = ?")
                .param(stripeSubscriptionId).query((rs, n) -> Optional.ofNullable(rs.getTimestamp("last_event_at")).map(Timestamp::toInstant))
                .optional().flatMap(last -> last).map(last -> created != null && created.isBefore(last)).orElse(false);
    }

    /** The locally known subscriptions the event is about: only groups' subscriptions are kept here. */
    private List<String> affectedSubscriptions(StripeEvent event) {
        JsonNode object = event.object();
        String candidate = switch (event.objectType() == null ? "" : event.objectType()) {
            case "subscription" -> event.objectId();
            case "invoice" -> text(object.path("parent").path("subscription_details").path("subscription"))
                    .or(() -> text(object.path("subscription"))).orElse(null);
            default -> null;
        };
        if (candidate != null) {
            return known("stripe_subscription_id", candidate);
        }
        return switch (event.objectType() == null ? "" : event.objectType()) {
            // a plan's quota lives in price or product metadata: every subscription on it is re-read
            case "price" -> known("price_id", event.objectId());
            case "product" -> known("product_id", event.objectId());
            default -> List.of();
        };
    }

    private List<String> known(String column, String value) {
        if (value == null) {
            return List.of();
        }
        return jdbc.sql("select stripe_subscription_id from subscriptions where " + column + " = ? order by id")
                .param(value).query(String.class).list();
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? Optional.empty()
                : Optional.of(node.isObject() ? node.path("id").asString() : node.asString()).filter(s -> !s.isBlank());
    }
}
