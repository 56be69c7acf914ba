package dev.portal.wishlist.wishlists;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;

/** Status 3: the wishlist no longer counts against the subscription's quota. Key: the wishlist id. */
@EventType("portal.wishlist.cancelled.v1")
public record WishlistCancelled(long wishlistId, String slug, long groupId, String cancelledBy, Instant cancelledAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(wishlistId);
    }
}
