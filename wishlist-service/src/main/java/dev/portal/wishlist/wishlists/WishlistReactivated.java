package dev.portal.wishlist.wishlists;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.OutboxEvent;
import java.time.Instant;

/** A cancelled wishlist is back (status 0 or 1) and counts against the quota again. Key: the wishlist id. */
@EventType("portal.wishlist.reactivated.v1")
public record WishlistReactivated(long wishlistId, String slug, long groupId, String reactivatedBy, int status, Instant reactivatedAt) implements OutboxEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(wishlistId);
    }

    @Override
    public Topic topic() {
        return Topics.WISHLIST_EVENTS;
    }
}
