package dev.portal.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevocationsTest {

    final SessionVersions versions = new SessionVersions();
    final Revocations revocations = new Revocations(versions);

    @Test
    void a_revocation_records_the_version_and_an_older_one_arriving_late_changes_nothing() {
        revocations.apply(new SessionsRevoked("u1", 3), envelope());
        revocations.apply(new SessionsRevoked("u1", 2), envelope());

        assertThat(versions.latest("u1")).hasValue(3);
    }

    @Test
    void a_revocation_without_user_or_version_is_malformed_and_changes_nothing() {
        assertThatThrownBy(() -> revocations.apply(new SessionsRevoked("u2", null), envelope()))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> revocations.apply(new SessionsRevoked(" ", 3), envelope()))
                .isInstanceOf(MalformedEventException.class);

        assertThat(versions.size()).isZero();
    }

    private static EventEnvelope envelope() {
        return new EventEnvelope("e-1", "portal.identity.sessions-revoked.v1", URI.create("urn:portal:identity-service"),
                "u1", OffsetDateTime.now(), EventEnvelope.JSON, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
