package dev.portal.platform.security.test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.portal.platform.test.FixtureServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Mints portal access tokens for tests and serves their public key as a JWKS over real HTTP, the way the identity
 * service does. Point {@code portal.security.jwks-uri} at {@link #jwksUri()}.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "urn:portal:identity";
    public static final String AUDIENCE = "portal";

    private final RSAKey key;
    private final RSAKey otherKey;
    private final FixtureServer server;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            otherKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server = FixtureServer.start();
        server.on("GET", "/.well-known/jwks.json",
                FixtureServer.json(200, new JWKSet(key.toPublicJWK()).toString()));
    }

    public static TestTokens start() {
        return new TestTokens();
    }

    public URI jwksUri() {
        return server.baseUrl().resolve("/.well-known/jwks.json");
    }

    /** A valid token for {@code subject}, linked to WHMCS client 1001 and a Salesforce Account. */
    public String valid(String subject) {
        return sign(key, claims(subject, builder -> { }));
    }

    /** A token for {@code subject} with the standard claims, adjusted by {@code customizer}. */
    public String token(String subject, Consumer<JWTClaimsSet.Builder> customizer) {
        return sign(key, claims(subject, customizer));
    }

    public String expired(String subject) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return token(subject, builder -> builder.issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)));
    }

    /** Signed by a key that is not in the JWKS (with the same key id, so only the signature check can catch it). */
    public String signedWithWrongKey(String subject) {
        return sign(otherKey, claims(subject, builder -> { }));
    }

    /** Signed by the JWKS key, but naming a {@code kid} the JWKS does not have (a forged or future key id). */
    public String withKeyId(String subject, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
                    claims(subject, builder -> { }));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times the JWKS was fetched. */
    public int jwksFetches() {
        return (int) server.requests().stream().filter(request -> request.path().equals("/.well-known/jwks.json")).count();
    }

    /** From now on the JWKS answers only after {@code delay}. */
    public void answerJwksAfter(Duration delay) {
        server.on("GET", "/.well-known/jwks.json",
                FixtureServer.delayed(delay, FixtureServer.json(200, new JWKSet(key.toPublicJWK()).toString())));
    }

    /** {@code alg: none}, no signature. */
    public String unsigned(String subject) {
        return new PlainJWT(claims(subject, builder -> { })).serialize();
    }

    /** A valid token whose payload was swapped for another subject's after signing. */
    public String tampered(String subject, String otherSubject) {
        String[] genuine = valid(subject).split("\\.");
        String[] forged = valid(otherSubject).split("\\.");
        return genuine[0] + "." + forged[1] + "." + genuine[2];
    }

    private static JWTClaimsSet claims(String subject, Consumer<JWTClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", subject + "@example.test")
                .claim("whmcs_client_id", 1001)
                .claim("sf_account_id", "001000000000005AAA");
        customizer.accept(builder);
        return builder.build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    @Override
    public void close() {
        server.close();
    }
}
