package dev.portal.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.identity.*}
 *
 * @param accessTokenTtl lifetime of an access token (JWT)
 * @param refreshTokenTtl lifetime of a refresh token family member
 * @param signingKey PKCS#8 PEM of the RSA token signing key ({@code PORTAL_IDENTITY_SIGNING_KEY}); when blank, a key
 *                   generated once and kept in the database is used, so every replica signs with the same key
 * @param cookieSecure whether the token cookies carry {@code Secure}; switch off only for plain-HTTP localhost
 * @param reconcileInterval how often parked Salesforce Account updates of signups are retried
 */
@ConfigurationProperties("portal.identity")
public record IdentityProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("") String signingKey,
        @DefaultValue("true") boolean cookieSecure,
        @DefaultValue("1m") Duration reconcileInterval) {
}
