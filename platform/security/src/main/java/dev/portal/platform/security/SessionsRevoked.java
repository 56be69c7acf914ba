package dev.portal.platform.security;

import dev.portal.platform.events.EventType;

/** identity-service's announcement that a user's sessions up to a version are revoked, read for its two fields. */
@EventType("portal.identity.sessions-revoked.v1")
record SessionsRevoked(String userId, Integer sessionVersion) {
}
