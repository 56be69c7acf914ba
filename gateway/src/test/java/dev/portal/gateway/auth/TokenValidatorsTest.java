package dev.portal.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidatorsTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    final SessionVersions versions = new SessionVersions();

    @Test
    void a_token_older_than_the_latest_revocation_is_revoked() {
        versions.revoked("u1", 2);

        assertThat(codes(TokenValidators.notRevoked(versions).validate(jwt("u1", b -> b.claim("sv", 1))))).containsExactly("token-revoked");
        assertThat(TokenValidators.notRevoked(versions).validate(jwt("u1", b -> b.claim("sv", 2))).hasErrors()).isFalse();
        assertThat(TokenValidators.notRevoked(versions).validate(jwt("u1", b -> b.claim("sv", 3))).hasErrors()).isFalse();
    }

    @Test
    void a_token_without_session_version_counts_as_version_zero() {
        assertThat(TokenValidators.notRevoked(versions).validate(jwt("u2", b -> { })).hasErrors()).as("never revoked").isFalse();
        versions.revoked("u2", 1);
        assertThat(codes(TokenValidators.notRevoked(versions).validate(jwt("u2", b -> { })))).containsExactly("token-revoked");
    }

    @Test
    void versions_only_go_up() {
        versions.revoked("u3", 5);
        versions.revoked("u3", 4);

        assertThat(versions.latest("u3")).hasValue(5);
        assertThat(versions.latest("nobody")).isEmpty();
    }

    @Test
    void expiry_beyond_the_skew_is_token_expired_and_within_it_is_accepted() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Duration skew = Duration.ofSeconds(30);

        assertThat(codes(TokenValidators.notExpired(skew, clock).validate(jwt("u", b -> b.expiresAt(NOW.minusSeconds(31))))))
                .containsExactly("token-expired");
        assertThat(TokenValidators.notExpired(skew, clock).validate(jwt("u", b -> b.expiresAt(NOW.minusSeconds(29)))).hasErrors()).isFalse();
    }

    private static Jwt jwt(String subject, Consumer<Jwt.Builder> customizer) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject(subject)
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(600));
        customizer.accept(builder);
        return builder.build();
    }

    private static java.util.List<String> codes(OAuth2TokenValidatorResult result) {
        return result.getErrors().stream().map(OAuth2Error::getErrorCode).toList();
    }
}
