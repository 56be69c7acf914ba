package dev.portal.identity.signup;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A portal user was linked to an existing WHMCS client (proved with its WHMCS password) and its Account. Key: the user id. */
@EventType("portal.identity.account-linked.v1")
public record AccountLinked(UUID userId, int whmcsClientId, String sfAccountId, Instant linkedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
