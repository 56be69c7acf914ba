package dev.portal.clients.stripe;

import java.time.Instant;
import java.util.Map;

/** A Stripe customer ({@code cus_…}). */
public record StripeCustomer(String id, String email, String name, Map<String, String> metadata, Instant created) {

    public StripeCustomer {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
