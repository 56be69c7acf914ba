package dev.portal.wishlist.users;

import dev.portal.platform.events.EventType;
import java.util.UUID;

/** identity-service's announcement of a new portal user (docs/events.md), read for the id and the email. */
@EventType("portal.identity.user-registered.v1")
record UserRegistered(UUID userId, String email) {
}
