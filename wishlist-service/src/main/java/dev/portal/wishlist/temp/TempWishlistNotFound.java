package dev.portal.wishlist.temp;

import dev.portal.platform.errors.NotFound;

/** A temporary wishlist that does not exist or belongs to another user: both look the same. */
final class TempWishlistNotFound extends NotFound {

    TempWishlistNotFound() {
        super("temp-wishlist-not-found", "Not found", "No such temporary wishlist.");
    }
}
