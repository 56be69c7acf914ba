package dev.portal.identity.tokens;

import dev.portal.platform.errors.NotAuthenticated;

/** The refresh token is missing, unknown, expired, revoked or already used; or its user no longer exists. */
public class InvalidRefreshToken extends NotAuthenticated {

    private InvalidRefreshToken(String detail) {
        super("invalid-refresh-token", "Invalid refresh token", detail);
    }

    static InvalidRefreshToken missing() {
        return new InvalidRefreshToken("No refresh token was sent.");
    }

    static InvalidRefreshToken unknown() {
        return new InvalidRefreshToken("The refresh token is unknown, expired or revoked. Log in again.");
    }

    static InvalidRefreshToken userGone() {
        return new InvalidRefreshToken("The refresh token's user no longer exists.");
    }
}
