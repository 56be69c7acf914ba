package dev.portal.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portal.identity.config.IdentityProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The PEM handling behind {@code PORTAL_IDENTITY_SIGNING_KEY}, the production guard and the rotation's key set. */
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

    @Test
    void a_production_profile_without_a_configured_key_refuses_to_start_with_the_unencrypted_database_key() {
        assertThatThrownBy(() -> keys(Map.of(), "prod")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_IDENTITY_SIGNING_KEY").hasMessageContaining("allow-database-signing-key");
        assertThatThrownBy(() -> keys(Map.of(), "production")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_production_profile_starts_with_a_configured_key_or_when_the_database_key_is_explicitly_allowed() {
        assertThat(keys(Map.of("signing-key", SigningKeys.generatePem()), "prod").current().isPrivate()).isTrue();
        assertThat(keys(Map.of("allow-database-signing-key", "true"), "prod")).isNotNull();
        assertThat(keys(Map.of(), "dev")).as("a laptop needs no key").isNotNull();
    }

    @Test
    void during_a_rotation_the_new_key_signs_and_both_are_published_under_their_own_kid() {
        String previousPem = SigningKeys.generatePem();
        String currentPem = SigningKeys.generatePem();

        SigningKeys keys = keys(Map.of("signing-key", currentPem, "previous-signing-key", previousPem), "prod");

        RSAKey current = SigningKeys.fromPem(currentPem, null);
        RSAKey previous = SigningKeys.fromPem(previousPem, null);
        assertThat(keys.current().getKeyID()).isEqualTo(current.getKeyID());
        JWKSet published = keys.publicKeys();
        assertThat(published.getKeys()).extracting(key -> key.getKeyID()).containsExactly(current.getKeyID(), previous.getKeyID());
        assertThat(published.getKeys()).noneMatch(key -> key.isPrivate());
    }

    @Test
    void a_previous_key_without_a_current_one_is_refused() {
        assertThatThrownBy(() -> keys(Map.of("previous-signing-key", SigningKeys.generatePem()), "dev"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_IDENTITY_PREVIOUS_SIGNING_KEY");
    }

    private static SigningKeys keys(Map<String, String> settings, String profile) {
        Map<String, String> all = new HashMap<>();
        settings.forEach((name, value) -> all.put("portal.identity." + name, value));
        IdentityProperties properties = new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("portal.identity", IdentityProperties.class);
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return new SigningKeys(properties, null, Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC), environment);
    }
}
