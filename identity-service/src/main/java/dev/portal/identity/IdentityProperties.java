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
 * @param passwordResetTtl how long a password reset link works
 * @param passwordResetUrl the page the reset mail links to; {@code ?token=...} is appended
 * @param mailFrom the sender of the service's mails
 * @param profileCacheTtl how long a profile read from WHMCS is served from the cache (every update clears it)
 */
@ConfigurationProperties("portal.identity")
public record IdentityProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("") String signingKey,
        @DefaultValue("true") boolean cookieSecure,
        @DefaultValue("1m") Duration reconcileInterval,
        @DefaultValue("30m") Duration passwordResetTtl,
        @DefaultValue("http://localhost:8080/reset-password") String passwordResetUrl,
        @DefaultValue("no-reply@portal.localhost") String mailFrom,
        @DefaultValue("10m") Duration profileCacheTtl) {
}
