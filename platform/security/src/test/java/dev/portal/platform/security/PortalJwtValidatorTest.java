package dev.portal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claim checks, without signatures. */
class PortalJwtValidatorTest {

    private final PortalSecurityProperties properties =
            new PortalSecurityProperties(null, "urn:portal:identity", "portal", Duration.ofSeconds(30), List.of());

    @Test
    void expiry_within_the_clock_skew_passes_and_beyond_it_fails() {
        assertThat(PortalJwtDecoders.validator(properties).validate(jwt(Instant.now().minusSeconds(10))).getErrors()).isEmpty();
        assertThat(PortalJwtDecoders.validator(properties).validate(jwt(Instant.now().minusSeconds(60))).hasErrors()).isTrue();
    }

    private static Jwt jwt(Instant exp) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u").issuer("urn:portal:identity")
                .audience(List.of("portal")).issuedAt(exp.minusSeconds(600)).expiresAt(exp).build();
    }
}
