package dev.portal.wishlist.wishlists;

import jakarta.persistence.Embeddable;

/** One line of a wishlist: a product code, an optional display name and a quantity of at least 1. */
@Embeddable
public record Product(String productCode, String name, int quantity) {

    public Product {
        if (productCode == null || productCode.isBlank()) {
            throw new IllegalArgumentException("a product needs a code");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("a product's quantity is at least 1, was " + quantity);
        }
    }
}
