package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.NotFound;

/** A wishlist that does not exist, or one of a group the caller is not in: both look the same. */
final class WishlistNotFound extends NotFound {

    WishlistNotFound() {
        super("wishlist-not-found", "Not found", "No such wishlist.");
    }
}
