package dev.portal.wishlist.groups;

import dev.portal.platform.errors.Conflict;

/** A group has one owner, its creator, whose role no one changes. */
final class OwnerRoleFixed extends Conflict {

    OwnerRoleFixed() {
        super("owner-role-fixed", "Conflict", "The owner's role cannot be changed.");
    }
}
