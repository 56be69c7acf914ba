package dev.portal.identity.profile;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The caller changed profile or address fields in WHMCS. Carries the names of the fields, not their values (no
 * personal data on the bus: read the profile if you need it). Key: the user id.
 */
@EventType("portal.identity.profile-updated.v1")
public record ProfileUpdated(UUID userId, int whmcsClientId, List<String> fields, Instant updatedAt) implements DomainEvent {

    public ProfileUpdated {
        fields = List.copyOf(fields);
    }

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
