package dev.portal.clients.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Stripe subscription in the basil shape: billing periods live on the items.
 *
 * @param status            {@link Status#UNKNOWN} for a status this client does not know yet
 * @param canceledAt        when it was canceled, or null
 * @param latestInvoiceId   the last invoice, or null
 */
public record StripeSubscription(String id, String customerId, Status status, boolean cancelAtPeriodEnd,
                                 Instant canceledAt, Instant created, String latestInvoiceId, List<Item> items) {

    public StripeSubscription {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Stripe's subscription statuses. */
    public enum Status {
        INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID, PAUSED, UNKNOWN;

        static Status of(String wire) {
            if (wire == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(wire.toUpperCase());
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }

    /**
     * One item: a price and its billing period.
     *
     * @param productMetadata the product's metadata when the answer expanded it, else empty
     */
    public record Item(String id, String priceId, String lookupKey, String productId, long quantity,
                       Instant currentPeriodStart, Instant currentPeriodEnd,
                       Map<String, String> priceMetadata, Map<String, String> productMetadata) {

        public Item {
            priceMetadata = priceMetadata == null ? Map.of() : Map.copyOf(priceMetadata);
            productMetadata = productMetadata == null ? Map.of() : Map.copyOf(productMetadata);
        }
    }

    /**
     * The quota carried in {@code key} metadata: the first item's price metadata, else its product's. Values that
     * are not whole numbers are ignored.
     */
    public Optional<Integer> quota(String key) {
        for (Item item : items) {
            Optional<Integer> quota = number(item.priceMetadata().get(key)).or(() -> number(item.productMetadata().get(key)));
            if (quota.isPresent()) {
                return quota;
            }
        }
        return Optional.empty();
    }

    /** The end of the current billing period (of the first item), if there is an item. */
    public Optional<Instant> currentPeriodEnd() {
        return items.stream().findFirst().map(Item::currentPeriodEnd);
    }

    private static Optional<Integer> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
