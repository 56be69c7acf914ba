package dev.portal.gateway.auth;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records revocations in {@link SessionVersions}. Idempotent by itself (versions only go up), so no inbox: a
 * replayed or reordered event changes nothing. An announcement without a user or a version is malformed and goes to
 * the dead-letter topic; it must not pass silently, since a revocation that is not applied keeps a session alive.
 */
final class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);

    private final SessionVersions versions;

    Revocations(SessionVersions versions) {
        this.versions = versions;
    }

    void apply(SessionsRevoked event, EventEnvelope envelope) {
        if (event.userId() == null || event.userId().isBlank() || event.sessionVersion() == null) {
            throw new MalformedEventException("event " + envelope.id() + " (" + envelope.type()
                    + ") names no user or no session version");
        }
        versions.revoked(event.userId(), event.sessionVersion());
        log.info("sessions of user {} revoked up to version {} (event {})", event.userId(), event.sessionVersion(), envelope.id());
    }
}
