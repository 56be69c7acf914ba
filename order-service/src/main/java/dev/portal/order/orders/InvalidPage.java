package dev.portal.order.orders;

import dev.portal.platform.errors.InvalidInput;

/** A page of the order list that cannot be served: page below 1, or a size outside 1 to the configured maximum. */
final class InvalidPage extends InvalidInput {

    InvalidPage(int maxSize) {
        super("invalid-page", "Invalid page", "page starts at 1 and size is between 1 and " + maxSize + ".");
    }
}
