package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.NotPermitted;

/** Only the wishlist's creator or the group's owner or admins cancel or reactivate it. */
final class WishlistStatusForbidden extends NotPermitted {

    WishlistStatusForbidden() {
        super("wishlist-status-forbidden", "Forbidden", "Only the wishlist's creator or the group's owner or admins cancel or reactivate it.");
    }
}
