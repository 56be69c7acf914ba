package dev.portal.clients.stripe;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A verified Stripe event, e.g. {@code customer.subscription.updated}.
 *
 * @param objectType         {@code data.object.object}, e.g. {@code subscription}
 * @param objectId           {@code data.object.id}, null for objects without one (entitlement summaries)
 * @param customerId         {@code data.object.customer}, when the object names one
 * @param object             {@code data.object} as sent
 * @param previousAttributes {@code data.previous_attributes}, or null
 * @param requestId          the API request that caused it, null for automatic changes
 */
public record StripeEvent(String id, String type, String apiVersion, Instant created, boolean livemode,
                          String objectType, String objectId, String customerId, JsonNode object,
                          JsonNode previousAttributes, String requestId, String idempotencyKey) {
}
