package dev.portal.clients.salesforce;

import dev.portal.clients.support.HttpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JWT bearer assertion: claims Salesforce checks, an RS256 signature the app's certificate verifies. */
class OAuthSalesforceAuthTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static OAuthSalesforceAuth auth(String key) {
        SalesforceProperties properties = SalesforceProperties.jwtBearer(URI.create("https://login.salesforce.com"), "consumer-key",
                "integration@portal.sandbox", key, "https://test.salesforce.com", HttpSettings.DEFAULTS);
        return new OAuthSalesforceAuth(properties, TestClients.http("salesforce-oauth", properties), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void assertion_carries_iss_sub_aud_and_a_near_exp_signed_rs256() throws Exception {
        String[] parts = auth("classpath:sandbox/salesforce/jwt-sandbox-private.pem").assertion().split("\\.");

        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asString()).isEqualTo("RS256");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asString()).isEqualTo("consumer-key");
        assertThat(claims.path("sub").asString()).isEqualTo("integration@portal.sandbox");
        assertThat(claims.path("aud").asString()).isEqualTo("https://test.salesforce.com");
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.plusSeconds(120).getEpochSecond());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(sandboxPublicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature verifies with the app certificate key").isTrue();
    }

    @Test
    void a_pkcs1_pem_key_is_accepted(@TempDir Path dir) throws Exception {
        RSAPrivateCrtKey key = newKey();
        Path file = Files.writeString(dir.resolve("connected-app.key"), pkcs1Pem(key));

        String[] parts = auth(file.toString()).assertion().split("\\.");

        assertThat(verifies(parts, publicKeyOf(key))).as("signed with the PKCS#1 key read from a file").isTrue();
    }

    @Test
    void a_pkcs8_pem_key_is_accepted() throws Exception {
        RSAPrivateCrtKey key = newKey();

        String[] parts = auth(pkcs8Pem(key)).assertion().split("\\.");

        assertThat(verifies(parts, publicKeyOf(key))).as("signed with the inline PKCS#8 key").isTrue();
    }

    @Test
    void one_key_as_pkcs1_or_as_pkcs8_signs_the_same_assertion() throws Exception {
        RSAPrivateCrtKey key = newKey();

        // RS256 (PKCS#1 v1.5) signatures are deterministic: the same key and claims give the same bytes
        assertThat(auth(pkcs1Pem(key)).assertion()).isEqualTo(auth(pkcs8Pem(key)).assertion());
    }

    @Test
    void a_key_that_is_not_rsa_is_refused_at_start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String ec = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> auth(ec)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private-key")
                .hasMessageContaining("RS256 needs RSA");
    }

    @Test
    void a_key_that_is_not_pem_is_refused_at_start() {
        assertThatThrownBy(() -> auth("-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private-key");
    }

    private static RSAPrivateCrtKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    }

    private static String pkcs8Pem(RSAPrivateCrtKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** The same key as PKCS#1 {@code RSAPrivateKey}: a 2048-bit key's PKCS#8 form is a 26-byte PrivateKeyInfo header plus it. */
    private static String pkcs1Pem(RSAPrivateCrtKey key) {
        byte[] pkcs8 = key.getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private static PublicKey publicKeyOf(RSAPrivateCrtKey key) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static boolean verifies(String[] parts, PublicKey publicKey) throws Exception {
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static PublicKey sandboxPublicKey() throws Exception {
        try (InputStream in = OAuthSalesforceAuthTest.class.getClassLoader().getResourceAsStream("sandbox/salesforce/jwt-sandbox-public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }
}
