package dev.portal.wishlist.wishlists;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.OutboxEvent;
import java.time.Instant;

/** The wishlist is cancelled (status 3) and no longer counts against the subscription's quota. Key: the wishlist id. */
@EventType("portal.wishlist.cancelled.v1")
public record WishlistCancelled(long wishlistId, String slug, long groupId, String cancelledBy, Instant cancelledAt) implements OutboxEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(wishlistId);
    }

    @Override
    public Topic topic() {
        return Topics.WISHLIST_EVENTS;
    }
}
