package dev.portal.wishlist.groups;

import dev.portal.platform.errors.NotFound;

/** Removing someone who is not a member of the group. */
final class MemberNotFound extends NotFound {

    MemberNotFound() {
        super("member-not-found", "Not found", "No such member.");
    }
}
