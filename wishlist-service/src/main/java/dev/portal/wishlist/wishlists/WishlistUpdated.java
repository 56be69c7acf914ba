package dev.portal.wishlist.wishlists;

import dev.portal.platform.events.EventType;
import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.OutboxEvent;
import java.time.Instant;
import java.util.List;

/** Name, description, status (0/1), related data or schedule changed; `changed` names the fields. Key: the wishlist id. */
@EventType("portal.wishlist.updated.v1")
public record WishlistUpdated(long wishlistId, String slug, long groupId, String updatedBy, List<String> changed, int status, Instant updatedAt) implements OutboxEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(wishlistId);
    }

    @Override
    public Topic topic() {
        return Topics.WISHLIST_EVENTS;
    }
}
