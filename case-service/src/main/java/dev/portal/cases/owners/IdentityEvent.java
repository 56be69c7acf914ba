package dev.portal.cases.owners;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** identity's events that tie a portal user to a Salesforce Account, read for those two ids (docs/events.md). */
sealed interface IdentityEvent permits IdentityEvent.UserRegistered, IdentityEvent.AccountLinked {

    UUID userId();

    String sfAccountId();

    Instant at();

    @EventType("portal.identity.user-registered.v1")
    record UserRegistered(UUID userId, String sfAccountId, Instant registeredAt) implements IdentityEvent {

        @Override
        public Instant at() {
            return registeredAt;
        }
    }

    @EventType("portal.identity.account-linked.v1")
    record AccountLinked(UUID userId, String sfAccountId, Instant linkedAt) implements IdentityEvent {

        @Override
        public Instant at() {
            return linkedAt;
        }
    }
}
