package dev.portal.e2e;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Forged variants of a real access token, as an attacker would make them. */
final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private Tokens() {
    }

    /** The same token with one claim changed and the original signature kept. */
    static String tampered(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) json(parts[1]);
        payload.put(claim, value);
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** The same claims, unsigned, with {@code alg: none}. */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) json(parts[0]);
        header.put("alg", "none");
        return encode(header) + "." + parts[1] + ".";
    }

    /** The same header (key id included) and claims, signed RS256 with a key the portal never issued. */
    static String signedWithAnotherKey(String token) {
        String[] parts = token.split("\\.");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(generator.generateKeyPair().getPrivate());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + B64.encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode claims(String token) {
        return json(token.split("\\.")[1]);
    }

    private static JsonNode json(String part) {
        return Browser.JSON.readTree(new String(DECODE.decode(part), StandardCharsets.UTF_8));
    }

    private static String encode(JsonNode node) {
        return B64.encodeToString(Browser.JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
    }
}
