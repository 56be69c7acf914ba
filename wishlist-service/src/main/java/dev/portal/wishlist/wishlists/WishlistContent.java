package dev.portal.wishlist.wishlists;

import java.util.List;

/**
 * What a wishlist holds. On creation every field but {@code description} is required; in an edit a null field
 * keeps the current value and a list replaces the whole list.
 */
record WishlistContent(String name, String description, List<Product> products, List<String> categories,
                       List<String> searchQueries, Frequency frequency) {
}
