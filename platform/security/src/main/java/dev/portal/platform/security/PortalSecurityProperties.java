package dev.portal.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.security.*}
 *
 * @param jwksUri where the identity service publishes its signing keys ({@code /.well-known/jwks.json}); may be
 *                empty only when the service declares a {@code JwtDecoder} of its own (the identity service does)
 * @param issuer the {@code iss} every token must carry
 * @param audience the value {@code aud} must contain
 * @param clockSkew how far {@code exp}/{@code nbf} may be off between this host and the issuer
 * @param publicPaths request path patterns answered without a token (actuator health, info and prometheus always are)
 */
@ConfigurationProperties("portal.security")
public record PortalSecurityProperties(
        URI jwksUri,
        @DefaultValue("urn:portal:identity") String issuer,
        @DefaultValue("portal") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> publicPaths) {
}
