package dev.portal.identity.account;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's login email was replaced, after the new address confirmed it. No addresses on the bus: read the user if
 * you need the new one. Key: the user id.
 */
@EventType("portal.identity.email-changed.v1")
public record EmailChanged(UUID userId, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
