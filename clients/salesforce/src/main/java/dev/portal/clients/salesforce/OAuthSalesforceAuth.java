package dev.portal.clients.salesforce;

import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalHttp;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.LenientJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Salesforce sessions from the OAuth token endpoint, by the client-credentials flow or the JWT bearer flow (an RS256
 * assertion signed with the connected app's private key, built with the JDK). The session is cached until the
 * org refuses it; {@link #renew(Session)} is single-flight: concurrent callers holding the same stale session wait
 * for one token request and all get its result.
 */
public final class OAuthSalesforceAuth implements SalesforceAuth {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Logger log = LoggerFactory.getLogger(OAuthSalesforceAuth.class);

    private final SalesforceProperties settings;
    private final ExternalHttp http;
    private final Clock clock;
    private final PrivateKey key;
    private final Object lock = new Object();
    private volatile Session session;

    /** {@code clock} dates the JWT bearer assertion's {@code exp}. */
    public OAuthSalesforceAuth(SalesforceProperties settings, ExternalHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        if (settings.clientId() == null || settings.clientId().isBlank()) {
            throw new IllegalArgumentException("portal.clients.salesforce.client-id is required");
        }
        if (settings.auth() == SalesforceProperties.Auth.JWT_BEARER) {
            if (settings.username() == null || settings.privateKey() == null) {
                throw new IllegalArgumentException("portal.clients.salesforce.username and private-key are required for jwt-bearer");
            }
            this.key = privateKey(settings.privateKey());
        } else {
            if (settings.clientSecret() == null) {
                throw new IllegalArgumentException("portal.clients.salesforce.client-secret is required for client-credentials");
            }
            this.key = null;
        }
    }

    @Override
    public Session current() {
        Session live = session;
        return live != null ? live : renew(null);
    }

    @Override
    public Session renew(Session stale) {
        synchronized (lock) {
            Session live = session;
            if (live != null && live != stale) {
                return live;
            }
            session = requestToken();
            return session;
        }
    }

    private Session requestToken() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (settings.auth() == SalesforceProperties.Auth.JWT_BEARER) {
            form.add("grant_type", JWT_BEARER);
            form.add("assertion", assertion());
        } else {
            form.add("grant_type", "client_credentials");
            form.add("client_id", settings.clientId());
            form.add("client_secret", settings.clientSecret());
        }
        String operation = "token";
        ExternalHttp.Response response = http.send(operation, ExternalCalls.Repeat.SAFE, rest -> rest.post().uri(settings.tokenUrl())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON).body(form));
        JsonNode body = LenientJson.tree(SalesforceClient.SYSTEM, operation, response);
        if (!response.successful()) {
            String error = body.path("error").asString("");
            if (error.isEmpty()) {
                throw new ExternalResponseException(SalesforceClient.SYSTEM, operation, response.status(),
                        "HTTP " + response.status() + " without an OAuth error: " + response.excerpt(), null);
            }
            throw new SalesforceAuthenticationException(operation, response.status(), error, body.path("error_description").asString(""));
        }
        String token = body.path("access_token").asString("");
        String instance = body.path("instance_url").asString("");
        if (token.isEmpty() || instance.isEmpty()) {
            throw new ExternalResponseException(SalesforceClient.SYSTEM, operation, response.status(),
                    "token answer without access_token or instance_url", null);
        }
        log.info("salesforce session obtained flow={} instance={}", settings.auth(), instance);
        return new Session(token, URI.create(instance.endsWith("/") ? instance.substring(0, instance.length() - 1) : instance));
    }

    /** A JWT bearer assertion: {@code {"alg":"RS256"}} header; iss, sub, aud and exp claims; RS256 signature. */
    String assertion() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.clientId());
        claims.put("sub", settings.username());
        claims.put("aud", settings.audience());
        claims.put("exp", clock.instant().plus(settings.jwtLifetime()).getEpochSecond());
        String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(LenientJson.mapper().writeValueAsBytes(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the JWT bearer assertion", e);
        }
    }

    /**
     * A PEM private key, given inline or as a path ({@code classpath:} allowed), read by Spring Boot's PEM support:
     * PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}). RS256 needs an RSA key.
     */
    static PrivateKey privateKey(String pemOrPath) {
        PrivateKey key;
        try {
            PemContent pem = PemContent.isPresentInText(pemOrPath) ? PemContent.of(pemOrPath) : load(pemOrPath);
            key = pem.getPrivateKey();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("portal.clients.salesforce.private-key is not a PEM private key: " + e.getMessage(), e);
        }
        if (key == null) {
            throw new IllegalArgumentException("portal.clients.salesforce.private-key holds no PEM private key");
        }
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("portal.clients.salesforce.private-key is a " + key.getAlgorithm() + " key; RS256 needs RSA");
        }
        return key;
    }

    private static PemContent load(String path) {
        try {
            if (path.startsWith("classpath:")) {
                try (InputStream in = OAuthSalesforceAuth.class.getClassLoader().getResourceAsStream(path.substring("classpath:".length()))) {
                    if (in == null) {
                        throw new IllegalArgumentException("portal.clients.salesforce.private-key: no class-path resource " + path);
                    }
                    return PemContent.load(in);
                }
            }
            return PemContent.load(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read portal.clients.salesforce.private-key " + path, e);
        }
    }
}
