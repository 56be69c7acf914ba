package dev.portal.identity.tokens;

import java.time.Instant;

/** An access token and the refresh token that can renew it. */
public record IssuedTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "IssuedTokens[(hidden), expires " + accessTokenExpiresAt + "]";
    }
}
