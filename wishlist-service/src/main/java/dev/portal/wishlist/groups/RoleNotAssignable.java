package dev.portal.wishlist.groups;

import dev.portal.platform.errors.NotPermitted;

/** Admins are assigned and removed by the owner only; nobody is made owner. */
final class RoleNotAssignable extends NotPermitted {

    RoleNotAssignable(String detail) {
        super("role-not-assignable", "Forbidden", detail);
    }
}
