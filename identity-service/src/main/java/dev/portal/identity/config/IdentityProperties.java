package dev.portal.identity.config;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.identity.*}
 *
 * @param accessTokenTtl lifetime of an access token (JWT)
 * @param refreshTokenTtl lifetime of a refresh token family member
 * @param signingKey PKCS#8 PEM of the RSA token signing key ({@code PORTAL_IDENTITY_SIGNING_KEY}); when blank, a key
 *                   generated once and kept in the database is used, so every replica signs with the same key
 * @param cookieSecure whether the token cookies carry {@code Secure}; switch off only for plain-HTTP localhost
 * @param salesforceLinkAttempts attempts to mark a new customer's Salesforce Account registered before the signup
 *                               saga parks (the engine's back-off, {@code portal.saga.*}, spaces them)
 * @param passwordResetTtl how long a password reset link works
 * @param passwordResetUrl the page the reset mail links to; {@code ?token=...} is appended
 * @param mailFrom the sender of the service's mails
 * @param profileCacheTtl how long a profile read from WHMCS is served from the cache (every update clears it)
 */
@Validated
@ConfigurationProperties("portal.identity")
public record IdentityProperties(
        @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24) @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DurationMin(hours = 1) @DefaultValue("30d") Duration refreshTokenTtl,
        @NotNull @Pattern(regexp = "|(?s)\\s*-----BEGIN PRIVATE KEY-----.+-----END PRIVATE KEY-----\\s*",
                message = "must be empty or a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)") @DefaultValue("") String signingKey,
        @DefaultValue("true") boolean cookieSecure,
        @Min(1) @Max(1000) @DefaultValue("10") int salesforceLinkAttempts,
        @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24) @DefaultValue("30m") Duration passwordResetTtl,
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @DefaultValue("http://localhost:8080/reset-password")
        String passwordResetUrl,
        @NotBlank @Email @DefaultValue("no-reply@portal.localhost") String mailFrom,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("10m") Duration profileCacheTtl) {
}
