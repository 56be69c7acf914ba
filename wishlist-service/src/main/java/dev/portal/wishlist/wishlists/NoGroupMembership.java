package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.NotPermitted;

/** Wishlists are reached through groups: a caller in no group has none. */
final class NoGroupMembership extends NotPermitted {

    NoGroupMembership() {
        super("no-group-membership", "Forbidden", "You are not a member of any group.");
    }
}
