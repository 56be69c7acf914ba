package dev.portal.clients.stripe;

import java.util.Map;
import java.util.Optional;

/**
 * A price of a plan, with its product's metadata (expanded).
 *
 * @param unitAmount in the currency's smallest unit (JPY has no decimals: 1500 is ¥1,500)
 * @param interval   {@code month}, {@code year}, …; null for one-time prices
 */
public record StripePrice(String id, String lookupKey, String productId, String productName, String currency,
                          Long unitAmount, String interval, long intervalCount, boolean active,
                          Map<String, String> metadata, Map<String, String> productMetadata) {

    public StripePrice {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        productMetadata = productMetadata == null ? Map.of() : Map.copyOf(productMetadata);
    }

    /** The quota in {@code key} metadata of the price, else of its product. */
    public Optional<Integer> quota(String key) {
        StripeSubscription.Item item = new StripeSubscription.Item(null, id, lookupKey, productId, 1, null, null,
                metadata, productMetadata);
        return new StripeSubscription(null, null, StripeSubscription.Status.UNKNOWN, false, null, null, null,
                java.util.List.of(item)).quota(key);
    }
}
