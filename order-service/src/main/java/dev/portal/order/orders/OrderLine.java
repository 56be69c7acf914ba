package dev.portal.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One item of an order as the portal shows it: the Salesforce OrderItem, what it sells and for how much. The product's
 * name, code and category are copied when the item is first seen, so the history keeps showing what was ordered.
 *
 * @param itemId           the Salesforce OrderItem id
 * @param pricebookEntryId the portal price book entry it was ordered from
 * @param category         {@code internet}, {@code sim} or {@code vpn}; null when Salesforce files the product elsewhere
 */
@Embeddable
public record OrderLine(
        @Column(name = "item_id") String itemId,
        @Column(name = "pricebook_entry_id") String pricebookEntryId,
        @Column(name = "product_id") String productId,
        String name,
        String code,
        String category,
        int quantity,
        @Column(name = "unit_price") BigDecimal unitPrice,
        String currency) {

    public OrderLine {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(pricebookEntryId, "pricebookEntryId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(currency, "currency");
        if (quantity < 1) {
            throw new IllegalArgumentException("an order line holds at least one unit, was " + quantity);
        }
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
