package dev.portal.wishlist.wishlists;

import dev.portal.platform.errors.NotPermitted;

/** A wishlist is created only in a group the caller is a member of. */
final class GroupAccessDenied extends NotPermitted {

    GroupAccessDenied() {
        super("group-access-denied", "Forbidden", "You are not a member of that group.");
    }
}
