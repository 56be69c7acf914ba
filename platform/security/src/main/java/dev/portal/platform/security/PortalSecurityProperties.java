package dev.portal.platform.security;

import dev.portal.platform.service.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.security.*}, checked at start: a service with a missing or malformed setting does not start.
 *
 * @param jwksUri where the identity service publishes its signing keys ({@code /.well-known/jwks.json}); may be
 *                empty only when the service declares a {@code JwtDecoder} of its own (the identity service does)
 * @param issuer the {@code iss} every token must carry
 * @param audience the value {@code aud} must contain
 * @param clockSkew how far {@code exp}/{@code nbf} may be off between this host and the issuer (0 to 5 minutes)
 * @param publicPaths request path patterns answered without a token (actuator health, info and prometheus always are)
 * @param jwks how the keys are fetched from {@code jwksUri}
 */
@Validated
@ConfigurationProperties("portal.security")
public record PortalSecurityProperties(
        @HttpUrl URI jwksUri,
        @NotBlank @DefaultValue("urn:portal:identity") String issuer,
        @NotBlank @DefaultValue("portal") String audience,
        @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 5) @DefaultValue("30s") Duration clockSkew,
        @NotNull @DefaultValue List<@NotBlank String> publicPaths,
        @NotNull @Valid @DefaultValue Jwks jwks) {

    @ConstructorBinding
    public PortalSecurityProperties {
    }

    /** The settings above with the default JWKS fetching. */
    public PortalSecurityProperties(URI jwksUri, String issuer, String audience, Duration clockSkew, List<String> publicPaths) {
        this(jwksUri, issuer, audience, clockSkew, publicPaths, Jwks.DEFAULTS);
    }

    /**
     * {@code portal.security.jwks.*}: fetching the issuer's keys. Every fetch is bounded in time; the keys are cached;
     * a token whose {@code kid} is not among them triggers a refetch (a rotation may have published a new key), but at
     * most two per {@code refetchInterval}, so forged {@code kid}s cannot make a service hammer the issuer.
     *
     * @param connectTimeout how long connecting to the JWKS endpoint may take
     * @param readTimeout how long its answer may take
     * @param cacheTtl how long fetched keys are used before they are fetched again
     * @param refetchInterval the window in which at most two fetches happen, whatever the tokens ask for
     */
    public record Jwks(
            @NotNull @DurationMin(millis = 50) @DurationMax(seconds = 30) @DefaultValue("2s") Duration connectTimeout,
            @NotNull @DurationMin(millis = 50) @DurationMax(seconds = 30) @DefaultValue("3s") Duration readTimeout,
            @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) @DefaultValue("5m") Duration cacheTtl,
            @NotNull @DurationMin(millis = 100) @DurationMax(hours = 1) @DefaultValue("30s") Duration refetchInterval) {

        public static final Jwks DEFAULTS = new Jwks(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMinutes(5),
                Duration.ofSeconds(30));

        @AssertTrue(message = "refetch-interval must be shorter than cache-ttl")
        boolean isRefetchIntervalShorterThanCacheTtl() {
            return refetchInterval == null || cacheTtl == null || refetchInterval.compareTo(cacheTtl) < 0;
        }
    }
}
