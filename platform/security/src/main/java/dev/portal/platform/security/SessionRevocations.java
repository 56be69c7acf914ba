package dev.portal.platform.security;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The latest revoked session version of each user, as identity-service announces it ({@code
 * portal.identity.sessions-revoked.v1}): an access token whose {@code sv} claim is lower was issued before the
 * revocation and is refused, here as at the gateway, so a caller that reaches a service directly cannot use it
 * either. In memory per instance, read from {@code lookback} ago at start (see {@link SessionRevocationsAutoConfiguration}).
 */
public final class SessionRevocations {

    /** The claim identity-service puts the user's session version in; absent counts as 0. */
    public static final String CLAIM = "sv";

    private final Map<String, Integer> latest = new ConcurrentHashMap<>();

    /** Records a revocation; versions only go up, so a replayed or reordered older event changes nothing. */
    public void revoked(String userId, int sessionVersion) {
        latest.merge(userId, sessionVersion, Math::max);
    }

    public OptionalInt latest(String userId) {
        Integer version = latest.get(userId);
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /** Whether a token of {@code userId} carrying session version {@code tokenVersion} was revoked. */
    public boolean isRevoked(String userId, int tokenVersion) {
        Integer version = latest.get(userId);
        return version != null && tokenVersion < version;
    }

    /** The token check: {@code sv} below the user's latest revoked version is an invalid token. */
    public OAuth2TokenValidator<Jwt> validator() {
        return jwt -> {
            Object claim = jwt.getClaims().get(CLAIM);
            int version = claim instanceof Number number ? number.intValue() : 0;
            return jwt.getSubject() != null && isRevoked(jwt.getSubject(), version)
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session of this token was revoked", null))
                    : OAuth2TokenValidatorResult.success();
        };
    }
}
