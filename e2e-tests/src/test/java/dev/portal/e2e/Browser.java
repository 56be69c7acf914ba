package dev.portal.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the gateway as a browser is one: a cookie jar, and the Spring Security cookie convention for CSRF
 * (the {@code XSRF-TOKEN} cookie echoed in {@code X-XSRF-TOKEN} on unsafe requests, unless switched off). With
 * {@link #bearer(String)} it is a non-browser client instead: no cookies sent, the token in {@code Authorization}.
 */
final class Browser {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final int port;
    private final java.net.InetAddress source;
    private String bearer;
    private boolean echoCsrf = true;

    Browser() {
        this(8080);
    }

    Browser(int port) {
        this(port, null);
    }

    private Browser(int port, java.net.InetAddress source) {
        this.port = port;
        this.source = source;
        this.http = client(true);
    }

    /**
     * A client of its own at another loopback address ({@code 127.0.0.2} and up; Linux routes all of 127.0.0.0/8
     * here): not the run's trusted proxy (127.0.0.1), so the gateway takes it for exactly that address.
     */
    static Browser from(String sourceAddress) {
        try {
            return new Browser(8080, java.net.InetAddress.getByName(sourceAddress));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(sourceAddress, e);
        }
    }

    private HttpClient client(boolean withCookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (withCookies) {
            builder.cookieHandler(cookies);
        }
        if (source != null) {
            builder.localAddress(source);
        }
        return builder.build();
    }

    static Browser bearer(String accessToken) {
        Browser client = new Browser();
        client.bearer = accessToken;
        return client;
    }

    Browser withoutCsrfHeader() {
        echoCsrf = false;
        return this;
    }

    Browser withCsrfHeader() {
        echoCsrf = true;
        return this;
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    void forget(String cookieName) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(cookieName)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs().forEach(uri -> cookies.getCookieStore().remove(uri, c)));
    }

    Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    Response send(String method, String path, Object body, Map<String, String> headers) {
        String url = RunningSuite.url(port, path);
        if (source != null) {
            url = url.replaceFirst("^http://localhost:", "http://127.0.0.1:"); // the address family of the source
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (bearer != null) {
            all.putIfAbsent("Authorization", "Bearer " + bearer);
        }
        boolean unsafe = !method.equals("GET") && !method.equals("HEAD");
        if (unsafe && echoCsrf) {
            cookie("XSRF-TOKEN").ifPresent(token -> all.putIfAbsent("X-XSRF-TOKEN", token));
        }
        all.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpClient client = bearer == null ? http : client(false);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + path, response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }

    record Response(String request, HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            return JSON.readTree(raw.body().isEmpty() ? "{}" : raw.body());
        }

        /** The problem's stable {@code code}, or a description of what came back instead. */
        String code() {
            String type = raw.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "(not a problem: " + raw.statusCode() + " " + type + ")";
            }
            return json().path("code").asString();
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return request + " -> " + raw.statusCode() + " " + raw.body();
        }
    }
}
