package dev.portal.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The validation every portal access token gets: signature (RS256/ES256 only), issuer, audience, expiry, subject. */
public final class PortalJwtDecoders {

    /** The algorithms a token may be signed with; {@code none} and HMAC are never accepted. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    /** A JWKS document larger than this is not a key set. */
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private PortalJwtDecoders() {
    }

    /** A decoder that fetches (and caches) the issuer's keys from its JWKS endpoint, see {@link #remoteKeys}. */
    public static NimbusJwtDecoder fromJwks(PortalSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(remoteKeys(properties))
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /**
     * The issuer's keys from {@code portal.security.jwks-uri}, fetched with the connect and read timeouts of
     * {@code portal.security.jwks.*}, cached for its TTL. A {@code kid} not among the cached keys refetches them (the
     * issuer may have rotated), at most twice per refetch interval; beyond that the token simply has no key and is
     * refused as invalid, so made-up {@code kid}s cost the issuer nothing and the caller a 401.
     */
    public static JWKSource<SecurityContext> remoteKeys(PortalSecurityProperties properties) {
        if (properties.jwksUri() == null) {
            throw new IllegalStateException("portal.security.jwks-uri (PORTAL_SECURITY_JWKS_URI) must be set");
        }
        PortalSecurityProperties.Jwks jwks = properties.jwks();
        URL url;
        try {
            url = properties.jwksUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("portal.security.jwks-uri is not a URL: " + properties.jwksUri(), e);
        }
        JWKSource<SecurityContext> fetched = JWKSourceBuilder.<SecurityContext>create(url,
                        new DefaultResourceRetriever(millis(jwks.connectTimeout()), millis(jwks.readTimeout()), JWKS_SIZE_LIMIT))
                .cache(jwks.cacheTtl().toMillis(), jwks.connectTimeout().plus(jwks.readTimeout()).toMillis())
                .refreshAheadCache(false)
                .rateLimited(jwks.refetchInterval().toMillis())
                .retrying(false)
                .outageTolerant(false)
                .build();
        return (selector, context) -> {
            try {
                return fetched.get(selector, context);
            } catch (RateLimitReachedException paused) {
                return List.of();
            }
        };
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    public static OAuth2TokenValidator<Jwt> validator(PortalSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub instanceof String s && !s.isBlank()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.audience()))));
    }
}
