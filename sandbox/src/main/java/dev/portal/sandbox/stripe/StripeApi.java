package dev.portal.sandbox.stripe;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every Stripe endpoint does around its own work: authenticates the secret key (Bearer, or Basic with the
 * key as user name), reads the form parameters, applies idempotency keys to POSTs, and answers JSON with
 * {@code Request-Id} and {@code Stripe-Version} headers, or a Stripe error.
 */
@Component
class StripeApi {

    private static final Logger log = LoggerFactory.getLogger(StripeApi.class);

    private final StripeSettings settings;
    private final StripeIds ids;
    private final StripeIdempotency idempotency;
    private final StripeApiBehaviour behaviour;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeApi(StripeSettings settings, StripeIds ids, StripeIdempotency idempotency, StripeApiBehaviour behaviour) {
        this.settings = settings;
        this.ids = ids;
        this.idempotency = idempotency;
        this.behaviour = behaviour;
    }

    /** A read: GET, never idempotency-keyed. */
    ResponseEntity<String> read(HttpServletRequest request, Function<StripeParams, ObjectNode> read) {
        return write(request, (params, origin) -> read.apply(params));
    }

    /** A write (POST, DELETE); a POST's {@code Idempotency-Key} makes it replayable. */
    ResponseEntity<String> write(HttpServletRequest request, BiFunction<StripeParams, StripeOrigin, ObjectNode> write) {
        String requestId = "req_" + ids.next("").substring(0, 14);
        HttpHeaders headers = new HttpHeaders();
        headers.set("Request-Id", requestId);
        String version = request.getHeader("Stripe-Version");
        headers.set("Stripe-Version", version != null && !version.isBlank() ? version : settings.apiVersion());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-cache, no-store");
        StripeError refused = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (refused != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Stripe\"");
            return answer(refused.status(), refused.body(), headers);
        }
        String key = "POST".equals(request.getMethod()) ? request.getHeader("Idempotency-Key") : null;
        StripeParams params;
        StripeIdempotency.Entry entry = null;
        try {
            params = StripeParams.of(request.getParameterMap());
            if (key != null) {
                if (key.isEmpty() || key.length() > 255) {
                    throw StripeError.invalid(null, "Idempotency-Key must be 1 to 255 characters long.");
                }
                headers.set("Idempotency-Key", key);
                switch (idempotency.begin(key, request.getMethod() + " " + request.getRequestURI(), params.fingerprint())) {
                    case StripeIdempotency.Replay replay -> {
                        headers.set("Idempotent-Replayed", "true");
                        headers.set("Original-Request", replay.originalRequestId());
                        return ResponseEntity.status(replay.status()).headers(headers).body(replay.body());
                    }
                    case StripeIdempotency.Execute execute -> entry = execute.entry();
                }
            }
        } catch (StripeError e) {
            return answer(e.status(), e.body(), headers);
        }
        int status;
        JsonNode body;
        try {
            int failWith = "GET".equals(request.getMethod()) ? 0 : behaviour.beforeWrite();
            if (failWith == 429) {
                throw StripeError.rateLimited();
            }
            if (failWith > 0) {
                throw StripeError.apiError(failWith);
            }
            body = write.apply(params, new StripeOrigin(requestId, key));
            status = 200;
        } catch (StripeError e) {
            if (e.validation() && entry != null) {
                idempotency.abandon(key, entry);
                entry = null;
            }
            status = e.status();
            body = e.body();
        } catch (RuntimeException e) {
            log.error("stripe simulator failed on {} {}", request.getMethod(), request.getRequestURI(), e);
            StripeError error = StripeError.apiError(500);
            status = error.status();
            body = error.body();
        }
        ResponseEntity<String> answer = answer(status, body, headers);
        if (entry != null) {
            idempotency.complete(entry, status, answer.getBody(), requestId);
        }
        return answer;
    }

    private StripeError authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new StripeError(401, "invalid_request_error", null, null,
                    "You did not provide an API key. You need to provide your API key in the Authorization header, using "
                            + "Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication "
                            + "for details, or we can help at https://support.stripe.com/.", false);
        }
        String key = null;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).strip();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                key = pair.contains(":") ? pair.substring(0, pair.indexOf(':')) : pair;
            } catch (IllegalArgumentException e) {
                key = "";
            }
        }
        if (settings.secretKey().equals(key)) {
            return null;
        }
        return new StripeError(401, "invalid_request_error", null, null, "Invalid API Key provided: " + masked(key), false);
    }

    private static String masked(String key) {
        if (key == null || key.isEmpty()) {
            return "***";
        }
        return key.substring(0, Math.min(8, key.length())) + "***";
    }

    private ResponseEntity<String> answer(int status, JsonNode body, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).body(json.writeValueAsString(body));
    }

    static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
