package dev.portal.wishlist.groups;

import dev.portal.platform.errors.NotFound;

/** A group that does not exist, or one the caller is not a member of: both look the same. */
final class GroupNotFound extends NotFound {

    GroupNotFound() {
        super("group-not-found", "Not found", "No such group.");
    }
}
