package dev.portal.wishlist.groups;

import dev.portal.platform.errors.NotPermitted;

/** Only the owner binds the subscription that pays for the group. */
final class OwnerOnly extends NotPermitted {

    OwnerOnly() {
        super("owner-only", "Forbidden", "Only the group's owner binds its subscription.");
    }
}
