package dev.portal.sandbox.salesforce.oauth;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.roots.SandboxRoots;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /salesforce/services/oauth2/token}: the client-credentials and JWT bearer flows, answering with
 * Salesforce's token response (no refresh token, no {@code expires_in}, {@code issued_at} as a string) or its
 * OAuth error ({@code 400 {"error":…,"error_description":…}}).
 */
@RestController
@EnableConfigurationProperties(SalesforceOAuthSettings.class)
class SalesforceOAuthApiController {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SalesforceOAuthSettings settings;
    private final SalesforceSessions sessions;
    private final SalesforceJwtAssertions assertions;
    private final SandboxRoots roots;

    SalesforceOAuthApiController(SalesforceOAuthSettings settings, SalesforceSessions sessions, SandboxRoots roots, Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.assertions = new SalesforceJwtAssertions(settings, clock);
        this.roots = roots;
    }

    @PostMapping(path = "/salesforce/services/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestBody(required = false) MultiValueMap<String, String> form,
                                              HttpServletRequest request) {
        String grantType = form == null ? null : form.getFirst("grant_type");
        if (grantType == null) {
            return error("invalid_request", "grant type not supported");
        }
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(form, request);
            case JWT_BEARER -> jwtBearer(form, request);
            default -> error("unsupported_grant_type", "grant type not supported");
        };
    }

    private ResponseEntity<Map<String, Object>> clientCredentials(MultiValueMap<String, String> form, HttpServletRequest request) {
        String clientId = form.getFirst("client_id");
        String clientSecret = form.getFirst("client_secret");
        String basic = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8).split(":", 2);
            clientId = pair[0];
            clientSecret = pair.length > 1 ? pair[1] : null;
        }
        if (!settings.clientId().equals(clientId) || !settings.clientSecret().equals(clientSecret)) {
            return error("invalid_client", "invalid client credentials");
        }
        return issued(settings.clientId(), settings.usernames().getFirst(), request);
    }

    private ResponseEntity<Map<String, Object>> jwtBearer(MultiValueMap<String, String> form, HttpServletRequest request) {
        String assertion = form.getFirst("assertion");
        if (assertion == null || assertion.isBlank()) {
            return error("invalid_request", "assertion is required");
        }
        SalesforceJwtAssertions.Outcome outcome = assertions.verify(assertion, instanceUrl(request));
        if (outcome.error() != null) {
            return error(outcome.error(), outcome.description());
        }
        return issued(outcome.clientId(), outcome.username(), request);
    }

    private ResponseEntity<Map<String, Object>> issued(String clientId, String username, HttpServletRequest request) {
        SalesforceSessions.Session session = sessions.issue(clientId, username, settings.tokenLifetime());
        String instance = instanceUrl(request);
        String id = instance + "/id/" + SalesforceSessions.ORG_ID + "/" + session.userId();
        String issuedAt = Long.toString(session.issuedAt().toEpochMilli());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", session.accessToken());
        body.put("signature", signature(id + issuedAt));
        body.put("scope", "api");
        body.put("instance_url", instance);
        body.put("api_instance_url", instance);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-cache,must-revalidate,max-age=0,no-store,private").body(body);
    }

    /**
     * Where the simulated org is served, as the caller reached it: the root of Salesforce's own port (like a real
     * {@code instance_url}, which has no path), or this server's address plus the {@code /salesforce} prefix.
     */
    private String instanceUrl(HttpServletRequest request) {
        return roots.baseUrl(SandboxSystems.SALESFORCE, request);
    }

    private String signature(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ResponseEntity<Map<String, Object>> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.badRequest().body(body);
    }
}
