package dev.portal.catalog.browsing;

import dev.portal.platform.errors.NotFound;

/** No such product for this caller: unknown, not sellable, or a family plan the caller may not see (never a hint which). */
final class ProductNotFound extends NotFound {

    ProductNotFound() {
        super("product-not-found", "Product not found", "No such product in the catalog.");
    }
}
