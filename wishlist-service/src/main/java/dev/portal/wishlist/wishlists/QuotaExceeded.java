package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.Conflict;
import java.util.Map;

/** The subscription's plan allows {@code quota} wishlists that are not cancelled, and all of them are in use. */
final class QuotaExceeded extends Conflict {

    QuotaExceeded(int quota, int used) {
        super("quota-exceeded", "Quota exceeded",
                "The subscription's plan allows " + quota + " wishlist(s) and " + used + " are in use.",
                Map.of("quota", quota, "used", used));
    }
}
