package dev.portal.catalog.browsing;

import dev.portal.platform.errors.InvalidInput;

/** {@code ?category=} names no category the portal sells. */
final class InvalidCategory extends InvalidInput {

    InvalidCategory() {
        super("invalid-category", "Invalid category", "category must be one of internet, sim, vpn.");
    }
}
