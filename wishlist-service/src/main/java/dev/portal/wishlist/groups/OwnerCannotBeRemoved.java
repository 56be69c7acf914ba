package dev.portal.wishlist.groups;

import dev.portal.platform.errors.Conflict;

/** The owner stays a member of the group they created. */
final class OwnerCannotBeRemoved extends Conflict {

    OwnerCannotBeRemoved() {
        super("owner-cannot-be-removed", "Conflict", "The owner cannot be removed.");
    }
}
