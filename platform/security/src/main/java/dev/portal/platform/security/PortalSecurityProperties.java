package dev.portal.platform.security;

import dev.portal.platform.service.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@Validated
@ConfigurationProperties("portal.security")
public record PortalSecurityProperties(
        @HttpUrl URI jwksUri,
        @NotBlank @DefaultValue("urn:portal:identity") String issuer,
        @NotBlank @DefaultValue("portal") String audience,
        @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 5) @DefaultValue("30s") Duration clockSkew,
        @NotNull @DefaultValue List<@NotBlank String> publicPaths) {
}
