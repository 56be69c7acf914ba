package dev.portal.clients.salesforce;

import dev.portal.clients.support.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach and log in to the Salesforce org.
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
@ConfigurationProperties("portal.clients.salesforce")
public record SalesforceProperties(URI baseUrl, String apiVersion, Auth auth, String clientId, String clientSecret,
                                   String username, String privateKey, String audience, Duration jwtLifetime,
                                   String callClient, Integer queryBatchSize, HttpSettings http) {

    /** The OAuth flow used to obtain access tokens. */
    public enum Auth { CLIENT_CREDENTIALS, JWT_BEARER }

    public SalesforceProperties {
        apiVersion = apiVersion != null && !apiVersion.isBlank() ? apiVersion : "62.0";
        auth = auth != null ? auth : Auth.CLIENT_CREDENTIALS;
        audience = audience != null && !audience.isBlank() ? audience : "https://login.salesforce.com";
        jwtLifetime = jwtLifetime != null ? jwtLifetime : Duration.ofMinutes(2);
        http = http != null ? http : HttpSettings.DEFAULTS;
        if (queryBatchSize != null && (queryBatchSize < 200 || queryBatchSize > 2000)) {
            throw new IllegalArgumentException("portal.clients.salesforce.query-batch-size must be 200..2000, was " + queryBatchSize);
        }
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
