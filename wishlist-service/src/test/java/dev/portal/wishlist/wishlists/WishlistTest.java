package dev.portal.wishlist.wishlists;

import static dev.portal.wishlist.wishlists.WishlistMother.CREATED_AT;
import static dev.portal.wishlist.wishlists.WishlistMother.CREATOR;
import static dev.portal.wishlist.wishlists.WishlistMother.OTHER_MEMBER;
import static dev.portal.wishlist.wishlists.WishlistMother.OWNER;
import static dev.portal.wishlist.wishlists.WishlistMother.eventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WishlistTest {

    private static final Instant LATER = CREATED_AT.plusSeconds(3600);

    @Test
    void creating_registers_created_with_the_summary_and_schedule_derived_from_the_content() {
        Wishlist wishlist = WishlistMother.active();

        assertThat(wishlist.pendingEvents()).containsExactly(new WishlistCreated(42, "summer-camping", 7, "alice",
                "Summer Camping", 1, null, CREATED_AT));
        assertThat(wishlist.summary()).isEqualTo(new Summary(2, 3, 2, 1, CREATED_AT));
        assertThat(wishlist.categories()).containsExactly("camping", "outdoor");
        assertThat(wishlist.schedule()).isEqualTo(new Schedule(Frequency.WEEKLY, Instant.parse("2026-12-08T09:00:00Z"), CREATED_AT));
    }

    @Test
    void a_wishlist_is_not_created_cancelled() {
        assertThatThrownBy(() -> WishlistMother.created(WishlistStatus.CANCELLED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editing_registers_updated_naming_exactly_the_changed_fields_and_recounts_the_summary() {
        Wishlist wishlist = WishlistMother.active();
        WishlistContent changes = new WishlistContent("Comics", "gear for August",
                List.of(new Product("ONE-PIECE-1", null, 3)), null, null, Frequency.DAILY);

        assertThat(eventsOf(wishlist, () -> wishlist.edit(changes, WishlistStatus.INACTIVE, OTHER_MEMBER, LATER)))
                .containsExactly(new WishlistUpdated(42, "summer-camping", 7, "carol",
                        List.of("name", "status", "schedule", "products"), 0, LATER));
        assertThat(wishlist.summary()).isEqualTo(new Summary(1, 3, 2, 1, LATER));
    }

    @Test
    void an_edit_that_changes_nothing_registers_nothing() {
        Wishlist wishlist = WishlistMother.active();

        assertThat(eventsOf(wishlist, () -> wishlist.edit(new WishlistContent("Summer Camping", null, null,
                List.of("outdoor", "camping"), null, Frequency.WEEKLY), WishlistStatus.ACTIVE, CREATOR, LATER))).isEmpty();
    }

    @Test
    void a_cancelled_wishlist_is_not_edited() {
        Wishlist wishlist = WishlistMother.cancelled();

        assertThatThrownBy(() -> wishlist.edit(WishlistMother.renamed("New"), null, CREATOR, LATER))
                .isInstanceOf(CancelledWishlistUnchangeable.class);
        assertThat(wishlist.name()).isEqualTo("Summer Camping");
    }

    @Test
    void an_edit_does_not_cancel() {
        Wishlist wishlist = WishlistMother.active();

        assertThatThrownBy(() -> wishlist.edit(WishlistMother.unchanged(), WishlistStatus.CANCELLED, OWNER, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wishlist.status()).isEqualTo(WishlistStatus.ACTIVE);
    }

    @Test
    void cancelling_registers_cancelled_and_records_when() {
        Wishlist wishlist = WishlistMother.created(WishlistStatus.INACTIVE);

        assertThat(eventsOf(wishlist, () -> wishlist.cancel(OWNER, LATER)))
                .containsExactly(new WishlistCancelled(42, "summer-camping", 7, "bob", LATER));
        assertThat(wishlist.status()).isEqualTo(WishlistStatus.CANCELLED);
        assertThat(wishlist.cancelledAt()).isEqualTo(LATER);
    }

    @Test
    void a_cancelled_wishlist_is_not_cancelled_again() {
        Wishlist wishlist = WishlistMother.cancelled();

        assertThatThrownBy(() -> wishlist.cancel(CREATOR, LATER)).isInstanceOf(CancelledWishlistUnchangeable.class);
    }

    @Test
    void a_plain_member_who_did_not_create_it_neither_cancels_nor_reactivates_it() {
        Wishlist active = WishlistMother.active();
        Wishlist cancelled = WishlistMother.cancelled();

        assertThatThrownBy(() -> active.cancel(OTHER_MEMBER, LATER)).isInstanceOf(WishlistStatusForbidden.class);
        assertThatThrownBy(() -> cancelled.reactivate(WishlistStatus.ACTIVE, 70, OTHER_MEMBER, LATER))
                .isInstanceOf(WishlistStatusForbidden.class);
        assertThat(active.status()).isEqualTo(WishlistStatus.ACTIVE);
        assertThat(cancelled.status()).isEqualTo(WishlistStatus.CANCELLED);
    }

    @Test
    void the_creator_cancels_their_own_wishlist_without_managing_the_group() {
        Wishlist wishlist = WishlistMother.active();

        wishlist.cancel(CREATOR, LATER);

        assertThat(wishlist.status()).isEqualTo(WishlistStatus.CANCELLED);
    }

    @Test
    void reactivating_registers_reactivated_under_the_groups_current_subscription() {
        Wishlist wishlist = WishlistMother.cancelled();

        assertThat(eventsOf(wishlist, () -> wishlist.reactivate(WishlistStatus.INACTIVE, 71, OWNER, LATER)))
                .containsExactly(new WishlistReactivated(42, "summer-camping", 7, "bob", 0, LATER));
        assertThat(wishlist.status()).isEqualTo(WishlistStatus.INACTIVE);
        assertThat(wishlist.subscriptionId()).isEqualTo(71);
        assertThat(wishlist.cancelledAt()).isNull();
    }

    @Test
    void only_a_cancelled_wishlist_is_reactivated() {
        Wishlist wishlist = WishlistMother.active();

        assertThatThrownBy(() -> wishlist.reactivate(WishlistStatus.ACTIVE, 71, OWNER, LATER))
                .isInstanceOf(WishlistNotCancelled.class);
        assertThat(wishlist.subscriptionId()).isEqualTo(70);
    }

    @Test
    void a_reactivation_ends_inactive_or_active() {
        Wishlist wishlist = WishlistMother.cancelled();

        assertThatThrownBy(() -> wishlist.reactivate(WishlistStatus.CANCELLED, 70, OWNER, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wishlist.cancelledAt()).isNotNull();
    }
}
