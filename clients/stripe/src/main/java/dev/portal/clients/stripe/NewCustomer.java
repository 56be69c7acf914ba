package dev.portal.clients.stripe;

import java.util.Map;

/** A customer to create in Stripe; {@code metadata} typically carries the portal's customer number. */
public record NewCustomer(String email, String name, Map<String, String> metadata) {

    public NewCustomer {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
