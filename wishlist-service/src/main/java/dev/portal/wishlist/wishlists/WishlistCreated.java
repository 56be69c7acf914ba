package dev.portal.wishlist.wishlists;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.OutboxEvent;
import java.time.Instant;

/** A new official wishlist (manual or converted from temporary wishlist `tempWishlistId`). Key: the wishlist id. */
@EventType("portal.wishlist.created.v1")
public record WishlistCreated(long wishlistId, String slug, long groupId, String createdBy, String name, int status, Long tempWishlistId, Instant createdAt) implements OutboxEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(wishlistId);
    }

    @Override
    public Topic topic() {
        return Topics.WISHLIST_EVENTS;
    }
}
