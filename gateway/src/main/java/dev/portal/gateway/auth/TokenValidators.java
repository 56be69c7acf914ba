package dev.portal.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** The gateway's checks on top of platform-security's: expiry and revocation, each with an error code of its own. */
final class TokenValidators {

    /** The session-version claim identity-service puts in every access token. */
    static final String SESSION_VERSION = "sv";

    private TokenValidators() {
    }

    /** Expired (beyond the clock skew): reported as {@code token-expired} so that a client knows to refresh. */
    static OAuth2TokenValidator<Jwt> notExpired(Duration clockSkew, Clock clock) {
        return jwt -> {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt != null && Instant.now(clock).minus(clockSkew).isAfter(expiresAt)) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(TokenRejections.EXPIRED, "expired at " + expiresAt, null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    /** Issued before its user's sessions were revoked: a token without {@code sv} counts as version 0. */
    static OAuth2TokenValidator<Jwt> notRevoked(SessionVersions versions) {
        return jwt -> {
            OptionalInt latest = versions.latest(jwt.getSubject());
            if (latest.isPresent() && sessionVersion(jwt) < latest.getAsInt()) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(TokenRejections.REVOKED,
                        "session version " + sessionVersion(jwt) + " < " + latest.getAsInt(), null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    static int sessionVersion(Jwt jwt) {
        Object claim = jwt.getClaims().get(SESSION_VERSION);
        if (claim instanceof Number number) {
            return number.intValue();
        }
        if (claim instanceof String text && text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        return 0;
    }
}
