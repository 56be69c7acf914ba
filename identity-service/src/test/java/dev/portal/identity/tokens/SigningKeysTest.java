package dev.portal.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

/** The PEM handling behind {@code PORTAL_IDENTITY_SIGNING_KEY} and the database key. */
class SigningKeysTest {

    @Test
    void a_generated_pem_reads_back_as_the_same_key_with_a_stable_thumbprint_id() throws Exception {
        String pem = SigningKeys.generatePem();

        RSAKey first = SigningKeys.fromPem(pem, null);
        RSAKey second = SigningKeys.fromPem(pem, null);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getKeyID()).isEqualTo(second.getKeyID()).isEqualTo(first.computeThumbprint().toString());
        assertThat(first.toRSAPublicKey()).isEqualTo(second.toRSAPublicKey());
        assertThat(first.toPublicJWK().isPrivate()).isFalse();
    }

    @Test
    void something_else_is_refused_with_a_message_naming_the_format() {
        assertThatThrownBy(() -> SigningKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PKCS#8 PEM");
    }
}
