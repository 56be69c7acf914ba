package dev.portal.wishlist.wishlists;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** When the wishlist is next processed (row in {@code wishlist_schedules}). */
@Embeddable
record Schedule(@Column(table = Wishlist.SCHEDULES) Frequency frequency,
                @Column(table = Wishlist.SCHEDULES) Instant nextRunAt,
                @Column(table = Wishlist.SCHEDULES, name = "updated_at") Instant updatedAt) {

    static Schedule of(Frequency frequency, Instant now) {
        return new Schedule(frequency, frequency.nextRunAfter(now), now);
    }
}
