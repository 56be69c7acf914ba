package dev.portal.identity.tokens;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Every session of a user ended: access tokens whose {@code sv} is below {@code sessionVersion} are no longer valid
 * anywhere (the gateway consumes this). Key: the user id. {@code reason} is one of
 * {@code password-reset, password-changed, user-request, refresh-reuse}.
 */
@EventType("portal.identity.sessions-revoked.v1")
public record SessionsRevoked(UUID userId, int sessionVersion, Instant revokedAt, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
