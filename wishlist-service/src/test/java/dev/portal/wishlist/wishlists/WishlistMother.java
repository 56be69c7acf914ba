package dev.portal.wishlist.wishlists;

import dev.portal.platform.outbox.OutboxEvent;
import java.time.Instant;
import java.util.List;

/** Wishlists in each state, created by {@link #CREATOR} in group 7 under subscription 70. */
final class WishlistMother {

    static final Instant CREATED_AT = Instant.parse("2026-12-01T09:00:00Z");
    static final Wishlist.Actor CREATOR = new Wishlist.Actor(1, "alice", false);
    static final Wishlist.Actor OWNER = new Wishlist.Actor(2, "bob", true);
    static final Wishlist.Actor OTHER_MEMBER = new Wishlist.Actor(3, "carol", false);

    private WishlistMother() {
    }

    static WishlistContent content() {
        return new WishlistContent("Summer Camping", "gear for August",
                List.of(new Product("TENT-2", "Tent", 2), new Product("LAMP-1", null, 1)),
                List.of("outdoor", " camping "), List.of("tent 2 person"), Frequency.WEEKLY);
    }

    static Wishlist active() {
        return created(WishlistStatus.ACTIVE);
    }

    static Wishlist created(WishlistStatus status) {
        return Wishlist.create(42, 7, 70, "summer-camping", content(), status, null, CREATOR, CREATED_AT);
    }

    static Wishlist cancelled() {
        Wishlist wishlist = active();
        wishlist.cancel(CREATOR, CREATED_AT.plusSeconds(60));
        return wishlist;
    }

    /** Only the fields given; everything else unchanged. */
    static WishlistContent renamed(String name) {
        return new WishlistContent(name, null, null, null, null, null);
    }

    /** The events {@code transition} registered (those registered before it are still pending, unsaved). */
    static List<OutboxEvent> eventsOf(Wishlist wishlist, Runnable transition) {
        int before = wishlist.pendingEvents().size();
        transition.run();
        List<OutboxEvent> all = wishlist.pendingEvents();
        return all.subList(before, all.size());
    }

    static WishlistContent unchanged() {
        return new WishlistContent(null, null, null, null, null, null);
    }
}
