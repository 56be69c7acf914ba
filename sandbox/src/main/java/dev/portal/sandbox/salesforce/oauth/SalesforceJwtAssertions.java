package dev.portal.sandbox.salesforce.oauth;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/** Checks a JWT bearer assertion as Salesforce does: RS256 by the app's key, iss, sub, aud, exp. */
final class SalesforceJwtAssertions {

    record Outcome(String clientId, String username, String error, String description) {
        static Outcome refused(String description) {
            return new Outcome(null, null, "invalid_grant", description);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SalesforceOAuthSettings settings;
    private final PublicKey key;
    private final Clock clock;

    SalesforceJwtAssertions(SalesforceOAuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.key = readKey(settings.jwtPublicKey());
    }

    Outcome verify(String assertion, String instanceUrl) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return Outcome.refused("invalid assertion");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | JacksonException e) {
            return Outcome.refused("invalid assertion");
        }
        if (!"RS256".equals(header.path("alg").asString(""))) {
            return Outcome.refused("invalid assertion");
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Outcome.refused("invalid assertion");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Outcome.refused("invalid assertion");
        }
        if (!settings.clientId().equals(claims.path("iss").asString(""))) {
            return new Outcome(null, null, "invalid_client_id", "client identifier invalid");
        }
        String audience = claims.path("aud").asString("");
        if (!Set.of("https://login.salesforce.com", "https://test.salesforce.com", instanceUrl).contains(audience)) {
            return Outcome.refused("audience is invalid");
        }
        String username = claims.path("sub").asString("");
        if (!settings.usernames().contains(username)) {
            return Outcome.refused("user hasn't approved this consumer");
        }
        long exp = claims.path("exp").asLong(0);
        long now = clock.instant().getEpochSecond();
        if (exp <= now || exp > now + settings.jwtMaxLifetime().toSeconds() + 5) {
            return Outcome.refused("expired authorization code");
        }
        return new Outcome(settings.clientId(), username, null, null);
    }

    private static PublicKey readKey(String resource) {
        try (InputStream in = SalesforceJwtAssertions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sandbox.salesforce.oauth.jwt-public-key: no such class-path resource " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the connected app key " + resource, e);
        }
    }
}
