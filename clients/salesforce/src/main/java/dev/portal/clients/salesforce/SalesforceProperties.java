package dev.portal.clients.salesforce;

import dev.portal.clients.support.HttpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach and log in to the Salesforce org ({@code portal.clients.salesforce.*}). Bound when {@code base-url} is
 * set; then a missing credential of the chosen flow, or a malformed value, stops the start naming the setting.
 *
 * @param baseUrl        login host ({@code https://login.salesforce.com}, {@code https://test.salesforce.com}, the My
 *                       Domain URL, or the sandbox's {@code http://localhost:8099/salesforce}); the token endpoint is
 *                       {@code <baseUrl>/services/oauth2/token} unless the URL already ends with it
 * @param apiVersion     REST API version, e.g. {@code 62.0}
 * @param auth           {@code client-credentials} or {@code jwt-bearer}
 * @param clientId       connected app consumer key
 * @param clientSecret   consumer secret (client credentials)
 * @param username       user the JWT bearer assertion names in {@code sub}
 * @param privateKey     PEM private key (PKCS#8 or PKCS#1) for the JWT assertion, or a path to one ({@code classpath:} allowed)
 * @param audience       {@code aud} of the assertion: {@code https://login.salesforce.com}, {@code https://test.salesforce.com}
 *                       or a community URL
 * @param jwtLifetime    how far ahead the assertion's {@code exp} lies (Salesforce accepts about 3 minutes)
 * @param callClient     value sent as {@code Sforce-Call-Options: client=<callClient>} (it shows up in change events'
 *                       {@code changeOrigin}); none when blank
 * @param queryBatchSize records per query page asked for with {@code Sforce-Query-Options} (200..2000); the org's
 *                       default when null
 * @param http           timeouts, retries and breaker
 */
@Validated
@ConfigurationProperties("portal.clients.salesforce")
public record SalesforceProperties(@NotNull URI baseUrl, @Pattern(regexp = "\\d{2,3}\\.0") String apiVersion, Auth auth,
                                   @NotBlank String clientId, String clientSecret, String username, String privateKey,
                                   String audience, @DurationMin(seconds = 10) @DurationMax(minutes = 3) Duration jwtLifetime,
                                   String callClient, @Min(200) @Max(2000) Integer queryBatchSize, @Valid HttpSettings http) {

    /** The OAuth flow used to obtain access tokens. */
    public enum Auth { CLIENT_CREDENTIALS, JWT_BEARER }

    public SalesforceProperties {
        apiVersion = apiVersion != null && !apiVersion.isBlank() ? apiVersion : "62.0";
        auth = auth != null ? auth : Auth.CLIENT_CREDENTIALS;
        audience = audience != null && !audience.isBlank() ? audience : "https://login.salesforce.com";
        jwtLifetime = jwtLifetime != null ? jwtLifetime : Duration.ofMinutes(2);
        http = http != null ? http : HttpSettings.DEFAULTS;
    }

    @AssertTrue(message = "auth=client-credentials needs portal.clients.salesforce.client-secret")
    public boolean isClientSecretGivenForClientCredentials() {
        return auth != Auth.CLIENT_CREDENTIALS || (clientSecret != null && !clientSecret.isBlank());
    }

    @AssertTrue(message = "auth=jwt-bearer needs portal.clients.salesforce.username and portal.clients.salesforce.private-key")
    public boolean isUserAndKeyGivenForJwtBearer() {
        return auth != Auth.JWT_BEARER || (username != null && !username.isBlank() && privateKey != null && !privateKey.isBlank());
    }

    /** Settings for the sandbox-style client-credentials login. */
    public static SalesforceProperties clientCredentials(URI baseUrl, String clientId, String clientSecret, HttpSettings http) {
        return new SalesforceProperties(baseUrl, null, Auth.CLIENT_CREDENTIALS, clientId, clientSecret, null, null, null, null, null, null, http);
    }

    /** Settings for the JWT bearer login. */
    public static SalesforceProperties jwtBearer(URI baseUrl, String clientId, String username, String privateKey, String audience, HttpSettings http) {
        return new SalesforceProperties(baseUrl, null, Auth.JWT_BEARER, clientId, null, username, privateKey, audience, null, null, null, http);
    }

    public SalesforceProperties withHttp(HttpSettings settings) {
        return new SalesforceProperties(baseUrl, apiVersion, auth, clientId, clientSecret, username, privateKey, audience, jwtLifetime,
                callClient, queryBatchSize, settings);
    }

    public SalesforceProperties withCallClient(String client) {
        return new SalesforceProperties(baseUrl, apiVersion, auth, clientId, clientSecret, username, privateKey, audience, jwtLifetime,
                client, queryBatchSize, http);
    }

    public SalesforceProperties withQueryBatchSize(Integer size) {
        return new SalesforceProperties(baseUrl, apiVersion, auth, clientId, clientSecret, username, privateKey, audience, jwtLifetime,
                callClient, size, http);
    }

    /** The OAuth token endpoint. */
    public URI tokenUrl() {
        String base = baseUrl.toString();
        if (base.endsWith("/services/oauth2/token")) {
            return baseUrl;
        }
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/services/oauth2/token");
    }

    @Override
    public String toString() {
        return "SalesforceProperties[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", auth=" + auth + ", clientId=" + clientId
                + ", username=" + username + ", audience=" + audience + ", secrets=(hidden)]";
    }
}
