package dev.portal.identity.signup;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A new portal user, linked to its (new) WHMCS client and its Salesforce Account. Key: the user id. */
@EventType("portal.identity.user-registered.v1")
public record UserRegistered(UUID userId, String email, String firstName, String lastName, int whmcsClientId,
                             String sfAccountId, Instant registeredAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
