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
 * @param previousSigningKey PKCS#8 PEM of the key that signed until the last rotation
 *                           ({@code PORTAL_IDENTITY_PREVIOUS_SIGNING_KEY}): no longer signs, still published in the
 *                           JWKS and accepted, so tokens it signed live out their lifetime
 * @param allowDatabaseSigningKey whether a production profile ({@code prod}, {@code production}) may start with the
 *                                generated key the database keeps unencrypted; off, such a start is refused
 * @param signupCodeTtl how long a signup's one-time codes (ownership, email) work
 * @param emailChangeUrl the page the email-change mail links to; {@code ?token=...} is appended
 * @param emailChangeTtl how long an email-change link works
 * @param refreshReuseGrace how long after a refresh the used token still yields the same successor (two tabs
 *                          refreshing at once), instead of counting as a stolen token
 * @param hashingConcurrency Argon2 computations at once (0: half the processors, at least one); more wait
 * @param hashingWait how long a request waits for a hashing slot before it is answered {@code 503 busy}
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
        @NotNull @DurationMin(seconds = 0) @DefaultValue("10m") Duration profileCacheTtl,
        @NotNull @Pattern(regexp = "|(?s)\\s*-----BEGIN PRIVATE KEY-----.+-----END PRIVATE KEY-----\\s*",
                message = "must be empty or a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)") @DefaultValue("") String previousSigningKey,
        @DefaultValue("false") boolean allowDatabaseSigningKey,
        @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24) @DefaultValue("30m") Duration signupCodeTtl,
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @DefaultValue("http://localhost:8080/confirm-email")
        String emailChangeUrl,
        @NotNull @DurationMin(minutes = 5) @DurationMax(days = 7) @DefaultValue("24h") Duration emailChangeTtl,
        @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 2) @DefaultValue("20s") Duration refreshReuseGrace,
        @Min(0) @Max(256) @DefaultValue("0") int hashingConcurrency,
        @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 30) @DefaultValue("500ms") Duration hashingWait) {

    /** The Argon2 computations allowed at once: configured, or half the processors (at least one). */
    public int hashingSlots() {
        return hashingConcurrency > 0 ? hashingConcurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
