package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.Conflict;

/** A cancelled wishlist is neither edited nor cancelled again; it can only be reactivated. */
final class CancelledWishlistUnchangeable extends Conflict {

    CancelledWishlistUnchangeable() {
        super("wishlist-cancelled", "Conflict", "A cancelled wishlist cannot be changed; reactivate it first.");
    }
}
