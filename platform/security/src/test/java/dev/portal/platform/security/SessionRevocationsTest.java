package dev.portal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class SessionRevocationsTest {

    private final SessionRevocations revocations = new SessionRevocations();

    private static Jwt token(String subject, Object sessionVersion) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (sessionVersion != null) {
            builder.claim(SessionRevocations.CLAIM, sessionVersion);
        }
        return builder.build();
    }

    @Test
    void a_token_issued_before_the_users_revocation_is_refused_and_a_newer_one_passes() {
        revocations.revoked("u1", 3);

        assertThat(revocations.validator().validate(token("u1", 2)).hasErrors()).isTrue();
        assertThat(revocations.validator().validate(token("u1", null)).hasErrors()).as("no claim counts as version 0").isTrue();
        assertThat(revocations.validator().validate(token("u1", 3)).hasErrors()).isFalse();
        assertThat(revocations.validator().validate(token("u2", 0)).hasErrors()).as("another user").isFalse();
    }

    @Test
    void an_older_revocation_arriving_late_does_not_lower_the_version() {
        revocations.revoked("u1", 5);
        revocations.revoked("u1", 2);

        assertThat(revocations.latest("u1")).hasValue(5);
    }

    @Test
    void a_service_that_names_its_functions_must_name_the_revocations_one() {
        assertThatThrownBy(() -> SessionRevocationsAutoConfiguration.requireBound("catalogChanges"))
                .hasMessageContaining("spring.cloud.function.definition must list sessionRevocations");
        assertThatCode(() -> SessionRevocationsAutoConfiguration.requireBound("catalogChanges;sessionRevocations")).doesNotThrowAnyException();
        assertThatCode(() -> SessionRevocationsAutoConfiguration.requireBound(null)).doesNotThrowAnyException();
    }
}
