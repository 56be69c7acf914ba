package dev.portal.identity.tokens;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.JWSAlgorithm;
import dev.portal.identity.config.IdentityProperties;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The RSA key access tokens are signed with. From {@code PORTAL_IDENTITY_SIGNING_KEY} (PKCS#8 PEM) when set;
 * otherwise the first key in {@code signing_keys}, generated and inserted by whichever replica needs it first
 * ({@code on conflict do nothing}, then read back), so all replicas sign with, and publish, the same key.
 * Loaded on first use: the database may still be migrating while the service starts.
 *
 * <p>The database keeps that generated key unencrypted, which is fine for a laptop and not for production: a
 * production profile ({@code prod} or {@code production}) refuses to start without a configured key unless
 * {@code portal.identity.allow-database-signing-key} says otherwise.
 *
 * <p>Rotation: the new key goes into {@code PORTAL_IDENTITY_SIGNING_KEY} and the old one into
 * {@code PORTAL_IDENTITY_PREVIOUS_SIGNING_KEY}. Tokens are signed with the new key only; the JWKS publishes both, each
 * under its own {@code kid} (the key's thumbprint), so tokens signed before the rotation stay valid until they expire.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String GENERATED_KID = "generated-1";

    static final Profiles PRODUCTION = Profiles.of("prod | production");

    private final IdentityProperties properties;
    private final GeneratedKeys generated;
    private final Clock clock;
    private final RSAKey previous;
    private volatile RSAKey key;

    SigningKeys(IdentityProperties properties, GeneratedKeys generated, Clock clock, Environment environment) {
        if (properties.signingKey().isBlank() && environment.acceptsProfiles(PRODUCTION) && !properties.allowDatabaseSigningKey()) {
            throw new IllegalStateException("portal.identity.signing-key (PORTAL_IDENTITY_SIGNING_KEY) must be set in a production"
                    + " profile: without it the token signing key is generated and kept unencrypted in the database. Set it from"
                    + " your secret store, or accept the database key with portal.identity.allow-database-signing-key=true.");
        }
        if (!properties.previousSigningKey().isBlank() && properties.signingKey().isBlank()) {
            throw new IllegalStateException("portal.identity.previous-signing-key (PORTAL_IDENTITY_PREVIOUS_SIGNING_KEY) is set"
                    + " without portal.identity.signing-key: a rotation needs the new key too");
        }
        this.properties = properties;
        this.generated = generated;
        this.clock = clock;
        this.previous = properties.previousSigningKey().isBlank() ? null : fromPem(properties.previousSigningKey(), null);
    }

    /** The private key with its key id. */
    public RSAKey current() {
        RSAKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                loaded = key;
            }
        }
        return loaded;
    }

    /** The public keys tokens may be signed with: the current one, and the previous one during a rotation. */
    public JWKSet publicKeys() {
        List<JWK> keys = new ArrayList<>();
        keys.add(current().toPublicJWK());
        if (previous != null && !previous.getKeyID().equals(current().getKeyID())) {
            keys.add(previous.toPublicJWK());
        }
        return new JWKSet(keys);
    }

    /** The public JWKS document. */
    public Map<String, Object> jwks() {
        return publicKeys().toJSONObject();
    }

    private RSAKey load() {
        if (!properties.signingKey().isBlank()) {
            RSAKey configured = fromPem(properties.signingKey(), null);
            log.info("token signing key from PORTAL_IDENTITY_SIGNING_KEY, kid {}{}", configured.getKeyID(),
                    previous == null ? "" : "; previous key " + previous.getKeyID() + " still published");
            return configured;
        }
        String pem = generated.privateKeyPem(GENERATED_KID).orElse(null);
        if (pem == null) {
            generated.insertIfAbsent(GENERATED_KID, generatePem(), clock.instant());
            pem = generated.privateKeyPem(GENERATED_KID).orElseThrow(() -> new IllegalStateException("no generated signing key"));
        }
        RSAKey stored = fromPem(pem, null);
        log.info("token signing key from the database (none in PORTAL_IDENTITY_SIGNING_KEY), kid {}", stored.getKeyID());
        return stored;
    }

    static RSAKey fromPem(String pem, String kid) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(kid != null ? kid : withoutId.computeThumbprint().toString()).build();
        } catch (Exception e) {
            throw new IllegalStateException("the token signing key is not an RSA private key in PKCS#8 PEM"
                    + " (-----BEGIN PRIVATE KEY-----)", e);
        }
    }

    static String generatePem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
