package dev.portal.wishlist.temp;

import dev.portal.platform.errors.Conflict;
import java.util.Map;

/** The caller already has as many open temporary wishlists as one user may keep; converting one frees a place. */
final class TempWishlistLimitReached extends Conflict {

    TempWishlistLimitReached(int limit) {
        super("temp-wishlist-limit-reached", "Too many temporary wishlists",
                "A user keeps at most " + limit + " open temporary wishlist(s); convert one before creating another.",
                Map.of("limit", limit));
    }
}
