package dev.portal.gateway.auth;

import dev.portal.platform.events.EventType;

/**
 * identity-service's announcement that a user's sessions up to a version are revoked (docs/events.md), read for
 * the two fields the gateway needs: tokens whose claim {@code sv} is below {@code sessionVersion} are refused.
 */
@EventType("portal.identity.sessions-revoked.v1")
record SessionsRevoked(String userId, Integer sessionVersion) {
}
