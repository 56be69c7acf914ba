package dev.portal.clients.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.LenientJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies Stripe webhook requests against the endpoint's signing secret ({@code Stripe-Signature:
 * t=…,v1=HMAC-SHA256(secret, t + "." + raw body)}, timestamp within the tolerance, 300 s by default) and reads
 * them as typed events. Give it the raw body exactly as received, before any JSON parsing.
 */
public final class StripeWebhooks {

    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    public StripeWebhooks(String secret, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The verified event; a bad or missing signature is a {@link StripeSignatureException}. */
    public StripeEvent verify(String rawBody, String signatureHeader) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("portal.clients.stripe.webhook-secret (PORTAL_STRIPE_WEBHOOK_SECRET) is not set");
        }
        if (rawBody == null || signatureHeader == null || signatureHeader.isBlank()) {
            throw new StripeSignatureException("no Stripe-Signature header or no body", null);
        }
        try {
            Webhook.Signature.verifyHeader(rawBody, signatureHeader, secret, tolerance.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new StripeSignatureException("Stripe-Signature does not verify: " + e.getMessage(), e);
        }
        JsonNode event;
        try {
            event = LenientJson.mapper().readTree(rawBody);
        } catch (JacksonException e) {
            throw new ExternalResponseException(StripeBilling.SYSTEM, "webhook", 0, "signed event is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode data = event.path("data");
        JsonNode object = data.path("object");
        if (!event.path("id").isString() || !event.path("type").isString() || !object.isObject()) {
            throw new ExternalResponseException(StripeBilling.SYSTEM, "webhook", 0, "signed event without id, type or data.object", null);
        }
        JsonNode previous = data.get("previous_attributes");
        return new StripeEvent(event.get("id").asString(), event.get("type").asString(), text(event, "api_version"),
                Instant.ofEpochSecond(event.path("created").asLong(0)), event.path("livemode").asBoolean(false),
                text(object, "object"), text(object, "id"), customer(object), object,
                previous == null || previous.isNull() ? null : previous,
                text(event.path("request"), "id"), text(event.path("request"), "idempotency_key"));
    }

    private static String customer(JsonNode object) {
        JsonNode customer = object.get("customer");
        if (customer == null || customer.isNull()) {
            return null;
        }
        return customer.isObject() ? text(customer, "id") : customer.asString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
