package dev.portal.wishlist.groups;

/** A member's role in a group: the owner (its creator) and admins manage members; any member uses wishlists. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String wire() {
        return name().toLowerCase();
    }

    public boolean manages() {
        return this == OWNER || this == ADMIN;
    }

    static Role of(String wire) {
        return valueOf(wire.toUpperCase());
    }
}
