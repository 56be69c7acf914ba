package dev.portal.platform.test;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller of a service's JSON API over real HTTP, for tests. A plain client sends no credentials;
 * {@link #withBearer(String)} sends {@code Authorization: Bearer}; {@link #withCookies()} behaves as a browser does:
 * it keeps the cookies it is given and echoes the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} on unsafe
 * requests (Spring Security's cookie convention for CSRF).
 *
 * <p>Clients are immutable: every {@code with...} returns a new client. A client derived from one with cookies
 * shares its cookie jar, so {@code browser.withoutCsrfHeader()} still holds the session. Bodies are JSON: a
 * {@code String} is sent as it is, anything else is written by Jackson.
 */
public final class ApiClient {

    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Map<String, String> headers;
    private final Map<String, String> cookies;
    private final boolean echoCsrf;
    private final Duration timeout;

    private ApiClient(URI base, Map<String, String> headers, Map<String, String> cookies, boolean echoCsrf, Duration timeout) {
        this.base = base;
        this.headers = Map.copyOf(headers);
        this.cookies = cookies;
        this.echoCsrf = echoCsrf;
        this.timeout = timeout;
    }

    /** A client of the server on {@code localhost:port} (a test's {@code @LocalServerPort}). */
    public static ApiClient on(int port) {
        return at("http://localhost:" + port);
    }

    /** A client of the server at {@code baseUrl} ({@code http://host:port}, without a trailing path). */
    public static ApiClient at(String baseUrl) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new ApiClient(URI.create(trimmed), Map.of(), null, false, DEFAULT_TIMEOUT);
    }

    /** Sends {@code Authorization: Bearer token} (null: no Authorization header). */
    public ApiClient withBearer(String token) {
        return token == null ? withoutHeader("Authorization") : withHeader("Authorization", "Bearer " + token);
    }

    /** Sends this header on every request, e.g. {@code X-Forwarded-For} as the gateway would. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiClient(base, copy, cookies, echoCsrf, timeout);
    }

    public ApiClient withoutHeader(String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        return new ApiClient(base, copy, cookies, echoCsrf, timeout);
    }

    /** A browser: a cookie jar of its own (empty), with the CSRF cookie echoed in the CSRF header on unsafe requests. */
    public ApiClient withCookies() {
        return new ApiClient(base, headers, new ConcurrentHashMap<>(), true, timeout);
    }

    /** Puts {@code name=value} in the cookie jar (a browser client is made first when this one has no jar). */
    public ApiClient withCookie(String name, String value) {
        ApiClient browser = cookies == null ? withCookies() : this;
        browser.cookies.put(name, value);
        return browser;
    }

    /** Unsafe requests go without the CSRF header even when the CSRF cookie is there (to test the refusal). */
    public ApiClient withoutCsrfHeader() {
        return new ApiClient(base, headers, cookies, false, timeout);
    }

    public ApiClient withCsrfHeader() {
        return new ApiClient(base, headers, cookies, true, timeout);
    }

    /** How long one request may take before it fails the test (30 s unless changed). */
    public ApiClient withTimeout(Duration requestTimeout) {
        return new ApiClient(base, headers, cookies, echoCsrf, requestTimeout);
    }

    /** The value of a cookie in the jar; empty when there is none, it was cleared, or this client has no jar. */
    public Optional<String> cookie(String name) {
        return cookies == null ? Optional.empty() : Optional.ofNullable(cookies.get(name)).filter(v -> !v.isEmpty());
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, Object body) {
        return send("POST", path, body);
    }

    public HttpResponse<String> put(String path, Object body) {
        return send("PUT", path, body);
    }

    public HttpResponse<String> patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any method; {@code body} null sends no body. */
    public HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        boolean unsafe = !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method);
        if (unsafe && echoCsrf && !headers.containsKey(CSRF_HEADER)) {
            cookie(CSRF_COOKIE).ifPresent(token -> request.header(CSRF_HEADER, token));
        }
        return send(request);
    }

    /**
     * A request to {@code path} with this client's headers and cookies, for what the verbs above do not cover
     * (a content type other than JSON, a header on one request only); send it with {@link #send(HttpRequest.Builder)}.
     */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout);
        headers.forEach(request::header);
        if (cookies != null && !cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    /** Sends a request; cookies set by the answer go into the jar (when this client has one). */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            remember(response);
            return response;
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(built.method() + " " + built.uri() + " interrupted", e);
        }
    }

    /** {@code path} starts with {@code /} and may carry a query. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** The body as JSON; an empty body is a missing node (every {@code path(...)} of it is missing too). */
    public static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
    }

    /**
     * The problem's stable {@code code}; for an answer that is not {@code application/problem+json}, a description of
     * what came back instead, so that an assertion on the code shows it.
     */
    public static String problemCode(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "(not a problem: " + response.statusCode() + " " + type + " " + response.body() + ")";
        }
        return json(response).path("code").asString();
    }

    /** The names of the invalid fields a validation problem lists ({@code errors[].field}). */
    public static List<String> problemFields(HttpResponse<String> response) {
        return json(response).path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }

    public static JsonMapper jsonMapper() {
        return JSON;
    }

    private void remember(HttpResponse<String> response) {
        if (cookies == null) {
            return;
        }
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
    }
}
