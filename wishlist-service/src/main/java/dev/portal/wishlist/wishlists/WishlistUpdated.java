package dev.portal.wishlist.wishlists;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;

/** Name, description, status (0/1), related data or schedule changed; `changed` names the fields. Key: the wishlist id. */
@EventType("portal.wishlist.updated.v1")
public record WishlistUpdated(long wishlistId, String slug, long groupId, String updatedBy, java.util.List<String> changed, int status, Instant updatedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(wishlistId);
    }
}
