package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.Conflict;

/** Reactivation applies to cancelled wishlists only. */
final class WishlistNotCancelled extends Conflict {

    WishlistNotCancelled() {
        super("wishlist-not-cancelled", "Conflict", "Only a cancelled wishlist can be reactivated.");
    }
}
