package dev.portal.wishlist.subscriptions;

import dev.portal.clients.stripe.StripeEvent;
import dev.portal.clients.stripe.StripeSignatureException;
import dev.portal.clients.stripe.StripeSubscription;
import dev.portal.clients.stripe.StripeWebhooks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final StripeWebhooks webhooks;
    private final SubscriptionService subscriptionService;
    private final Subscriptions subscriptions;
    private final StripeEvents events;
    private final TransactionTemplate transactions;

    StripeWebhookController(StripeWebhooks webhooks, SubscriptionService subscriptionService, Subscriptions subscriptions,
                            StripeEvents events, TransactionTemplate transactions) {
        this.webhooks = webhooks;
        this.subscriptionService = subscriptionService;
        this.subscriptions = subscriptions;
        this.events = events;
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
        if (events.seen(event.id())) {
            return new Receipt(event.id(), "duplicate");
        }
        List<String> affected = affectedSubscriptions(event);
        List<String> fresh = affected.stream().filter(id -> !olderThanApplied(id, event.created())).toList();
        // read outside the transaction: a slow Stripe must not hold a connection and locks
        List<Optional<StripeSubscription>> reads = fresh.stream().map(subscriptionService::read).toList();
        String outcome = transactions.execute(tx -> {
            if (!events.recordOnce(event.id(), event.type())) {
                return "duplicate";
            }
            reads.forEach(read -> read.ifPresent(s -> subscriptionService.store(s, event.created())));
            if (affected.isEmpty()) {
                return "ignored";
            }
            return fresh.isEmpty() ? "stale" : "applied";
        });
        log.info("stripe event {} ({}) {}: subscriptions {}", event.id(), event.type(), outcome, fresh);
        return new Receipt(event.id(), outcome);
    }

    private boolean olderThanApplied(String stripeSubscriptionId, Instant created) {
        return subscriptions.lastEventAt(stripeSubscriptionId).map(last -> created != null && created.isBefore(last)).orElse(false);
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
            return known(Subscriptions.Reference.SUBSCRIPTION, candidate);
        }
        return switch (event.objectType() == null ? "" : event.objectType()) {
            // a plan's quota lives in price or product metadata: every subscription on it is re-read
            case "price" -> known(Subscriptions.Reference.PRICE, event.objectId());
            case "product" -> known(Subscriptions.Reference.PRODUCT, event.objectId());
            default -> List.of();
        };
    }

    private List<String> known(Subscriptions.Reference reference, String value) {
        return value == null ? List.of() : subscriptions.stripeIdsBy(reference, value);
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? Optional.empty()
                : Optional.of(node.isObject() ? node.path("id").asString() : node.asString()).filter(s -> !s.isBlank());
    }
}
