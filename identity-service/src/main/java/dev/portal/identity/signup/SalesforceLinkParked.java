package dev.portal.identity.signup;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A signup or account link created the portal user, but Salesforce did not take the Account update
 * ({@code WH_Account__c}, {@code Portal_Status__c}, {@code Portal_Registered_At__c}) within the saga's attempts; the
 * saga is parked until an operator retries it. Key: the user id.
 */
@EventType("portal.identity.salesforce-link-parked.v1")
public record SalesforceLinkParked(UUID userId, String sfAccountId, int whmcsClientId, String reason, Instant parkedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
