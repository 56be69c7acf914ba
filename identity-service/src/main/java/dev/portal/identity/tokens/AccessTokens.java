package dev.portal.identity.tokens;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portal.identity.config.IdentityProperties;
import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.User;
import dev.portal.platform.security.CurrentUser;
import dev.portal.platform.security.PortalJwtDecoders;
import dev.portal.platform.security.PortalSecurityProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/** Signs access tokens (RS256) with the current key and, for this service's own endpoints, validates them against the published keys. */
@Component
public class AccessTokens implements JwtDecoder {

    /** The user's session version when the token was issued; below the current one means revoked. */
    public static final String CLAIM_SESSION_VERSION = "sv";

    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final PortalSecurityProperties security;
    private final Clock clock;
    private volatile NimbusJwtDecoder decoder;

    AccessTokens(SigningKeys keys, IdentityProperties properties, PortalSecurityProperties security, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.security = security;
        this.clock = clock;
    }

    public record Signed(String token, Instant expiresAt) {
    }

    public Signed issue(User user, Optional<IdMapping> mapping) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user.id().toString()).issuer(security.issuer()).audience(security.audience())
                .issueTime(Date.from(now)).expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString())
                .claim(CurrentUser.CLAIM_EMAIL, user.email())
                .claim(CLAIM_SESSION_VERSION, user.sessionVersion());
        mapping.ifPresent(m -> claims.claim(CurrentUser.CLAIM_WHMCS_CLIENT_ID, m.whmcsClientId())
                .claim(CurrentUser.CLAIM_SF_ACCOUNT_ID, m.sfAccountId()));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.current().getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(keys.current()));
            return new Signed(jwt.serialize(), expiresAt);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
    }

    @Override
    public Jwt decode(String token) {
        NimbusJwtDecoder current = decoder;
        if (current == null) {
            // every published key, chosen by the token's kid: tokens signed before a rotation stay valid
            current = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.publicKeys()))
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            current.setJwtValidator(PortalJwtDecoders.validator(security));
            decoder = current;
        }
        return current.decode(token);
    }
}
