package dev.portal.sandbox.salesforce.oauth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint, called the way Salesforce's OAuth docs show, answers in Salesforce's shapes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SalesforceOAuthIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    SalesforceSessions sessions;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/salesforce/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clientCredentialsIssuesASessionInSalesforceShape() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("instance_url").asString()).isEqualTo("http://localhost:" + port + "/salesforce");
        assertThat(body.get("issued_at").isString()).as("issued_at is a string of epoch ms").isTrue();
        assertThat(body.get("id").asString()).endsWith("/id/" + SalesforceSessions.ORG_ID + "/" + SalesforceSessions.USER_ID);
        assertThat(body.has("refresh_token") || body.has("expires_in")).isFalse();
        assertThat(sessions.authenticate("Bearer " + body.get("access_token").asString())).isPresent();
    }

    @Test
    void wrongSecretIsAnOAuthError() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=sandbox-client&client_secret=nope");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void unknownGrantIsRefused() throws Exception {
        HttpResponse<String> response = token("grant_type=password&username=a&password=b");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void jwtBearerSignedWithTheAppKeyIssuesASession() throws Exception {
        String jwt = jwt("sandbox-client", "integration@portal.sandbox", "https://login.salesforce.com", Instant.now().plusSeconds(120));

        HttpResponse<String> response = token("grant_type=" + enc(SalesforceOAuthApiController.JWT_BEARER) + "&assertion=" + jwt);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("access_token")).isTrue();
    }

    @Test
    void jwtBearerWithExpiredOrForeignClaimsIsInvalidGrant() throws Exception {
        String expired = jwt("sandbox-client", "integration@portal.sandbox", "https://login.salesforce.com", Instant.now().minusSeconds(10));
        String wrongAudience = jwt("sandbox-client", "integration@portal.sandbox", "https://example.com", Instant.now().plusSeconds(120));
        String tampered = jwt("sandbox-client", "integration@portal.sandbox", "https://login.salesforce.com", Instant.now().plusSeconds(120)) + "x";

        for (String assertion : new String[]{expired, wrongAudience, tampered}) {
            HttpResponse<String> response = token("grant_type=" + enc(SalesforceOAuthApiController.JWT_BEARER) + "&assertion=" + assertion);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("invalid_grant");
        }
    }

    @Test
    void adminExpiryEndsEverySession() throws Exception {
        String token = JSON.readTree(token("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret").body())
                .get("access_token").asString();

        HttpResponse<String> expire = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/admin/salesforce/sessions/expire"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(expire.statusCode()).isEqualTo(200);
        assertThat(sessions.authenticate("Bearer " + token)).isEmpty();
    }

    static String jwt(String iss, String sub, String aud, Instant exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":\"" + aud
                + "\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        String pem;
        try (var in = SalesforceOAuthIT.class.getClassLoader().getResourceAsStream("sandbox/salesforce/jwt-sandbox-private.pem")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        }
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rs256.sign());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
