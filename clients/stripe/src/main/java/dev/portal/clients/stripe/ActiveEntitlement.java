package dev.portal.clients.stripe;

/** A feature a customer is entitled to now ({@code entitlements.active_entitlement}). */
public record ActiveEntitlement(String id, String featureId, String lookupKey) {
}
