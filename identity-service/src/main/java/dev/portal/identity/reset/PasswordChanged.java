package dev.portal.identity.reset;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A user's portal password was replaced; {@code via} is {@code password-reset}. Key: the user id. */
@EventType("portal.identity.password-changed.v1")
public record PasswordChanged(UUID userId, Instant changedAt, String via) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
