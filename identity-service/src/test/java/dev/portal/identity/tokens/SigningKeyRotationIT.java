package dev.portal.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portal.identity.IdentityTestBase;
import dev.portal.identity.users.Passwords;
import dev.portal.platform.security.PortalJwtDecoders;
import dev.portal.platform.security.PortalSecurityProperties;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A signing key rotation in progress: the new key signs, the JWKS publishes both under their own {@code kid}, and a
 * token the previous key signed before the rotation is still accepted, here and by another service, until it expires.
 */
class SigningKeyRotationIT extends IdentityTestBase {

    static final String PREVIOUS_PEM = SigningKeys.generatePem();
    static final String CURRENT_PEM = SigningKeys.generatePem();
    static final RSAKey PREVIOUS = SigningKeys.fromPem(PREVIOUS_PEM, null);
    static final RSAKey CURRENT = SigningKeys.fromPem(CURRENT_PEM, null);

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("portal.identity.signing-key", () -> CURRENT_PEM);
        registry.add("portal.identity.previous-signing-key", () -> PREVIOUS_PEM);
    }

    @Autowired Passwords passwords;
    private UUID userId;

    @BeforeEach
    void aUser() {
        userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                + " values (?, 'rotation@example.jp', ?, 'Ken', 'Sato', ?, ?)").params(userId, passwords.hash("correct horse battery"), now, now)
                .update();
    }

    @Test
    void the_jwks_publishes_both_keys_and_new_tokens_carry_the_new_kid() throws Exception {
        JWKSet published = JWKSet.parse(get("/.well-known/jwks.json", null).body());
        HttpResponse<String> login = post("/api/auth/login", Map.of("email", "rotation@example.jp", "password", "correct horse battery"));

        assertThat(published.getKeys()).extracting(key -> key.getKeyID()).containsExactlyInAnyOrder(CURRENT.getKeyID(), PREVIOUS.getKeyID());
        assertThat(SignedJWT.parse(json(login).path("accessToken").asString()).getHeader().getKeyID()).isEqualTo(CURRENT.getKeyID());
    }

    @Test
    void a_token_the_previous_key_signed_is_still_accepted_here_and_elsewhere() {
        String before = sign(PREVIOUS, PREVIOUS.getKeyID());

        assertThat(get("/api/me", before).statusCode()).isEqualTo(200);
        assertThat(PortalJwtDecoders.fromJwks(new PortalSecurityProperties(uri("/.well-known/jwks.json"), "urn:portal:identity", "portal",
                Duration.ofSeconds(30), List.of())).decode(before).getSubject()).isEqualTo(userId.toString());
    }

    @Test
    void a_token_whose_kid_names_another_key_than_the_one_that_signed_it_is_refused() {
        HttpResponse<String> response = get("/api/me", sign(PREVIOUS, CURRENT.getKeyID()));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private String sign(RSAKey key, String kid) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId.toString()).issuer("urn:portal:identity").audience("portal")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).jwtID(UUID.randomUUID().toString())
                .claim("email", "rotation@example.jp").claim(AccessTokens.CLAIM_SESSION_VERSION, 0).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
