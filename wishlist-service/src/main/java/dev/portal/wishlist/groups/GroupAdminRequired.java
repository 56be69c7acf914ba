package dev.portal.wishlist.groups;

import dev.portal.platform.errors.NotPermitted;

/** Members are managed by the group's owner and its admins. */
final class GroupAdminRequired extends NotPermitted {

    GroupAdminRequired() {
        super("group-admin-required", "Forbidden", "Only the group's owner or an admin manages members.");
    }
}
