package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.Conflict;

/** A temporary wishlist becomes an official one at most once. */
final class TempWishlistAlreadyConverted extends Conflict {

    TempWishlistAlreadyConverted() {
        super("temp-wishlist-already-converted", "Conflict", "That temporary wishlist has already been converted.");
    }
}
