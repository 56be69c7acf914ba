package dev.portal.platform.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that answers with recorded vendor-shaped fixtures, including the bad ones a
 * real system sometimes sends (HTML error pages, truncated bodies, slow answers). For client tests that must
 * see exact bytes on the wire without the sandbox's state. Routes are {@code METHOD path}; each route serves
 * its responses in order and repeats the last. Unknown routes answer 404 with an empty body.
 */
public final class FixtureServer implements AutoCloseable {

    /** One recorded answer. */
    public sealed interface Reply permits Body, Truncated, Delayed {
    }

    /** A complete answer. */
    public record Body(int status, String contentType, byte[] body, Map<String, String> headers) implements Reply {
        public Body withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Body(status, contentType, body, Map.copyOf(more));
        }
    }

    /** An answer that promises {@code declaredLength} bytes, sends fewer and closes the connection. */
    public record Truncated(int status, String contentType, byte[] body, int declaredLength) implements Reply {
    }

    /** {@code reply}, sent after {@code delay}. */
    public record Delayed(Duration delay, Reply reply) implements Reply {
    }

    /** A request as it arrived. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    public static Body json(int status, String json) {
        return new Body(status, "application/json;charset=UTF-8", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Body html(int status, String html) {
        return new Body(status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Body text(int status, String contentType, String text) {
        return new Body(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Body empty(int status) {
        return new Body(status, null, new byte[0], Map.of());
    }

    /** A fixture file from the test class path, e.g. {@code fixtures/whmcs/GetInvoices.json}. */
    public static Body resource(int status, String contentType, String path) {
        try (InputStream in = FixtureServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture on the class path: " + path);
            }
            return new Body(status, contentType, in.readAllBytes(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Truncated truncated(int status, String json, int declaredLength) {
        return new Truncated(status, "application/json", json.getBytes(StandardCharsets.UTF_8), declaredLength);
    }

    public static Delayed delayed(Duration delay, Reply reply) {
        return new Delayed(delay, reply);
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());

    private FixtureServer(HttpServer server) {
        this.server = server;
    }

    public static FixtureServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FixtureServer fixtures = new FixtureServer(server);
            server.createContext("/", fixtures::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code replies} in order on {@code method path} (the last one repeats); replaces earlier ones. */
    public FixtureServer on(String method, String path, Reply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("a route needs at least one reply");
        }
        routes.put(method.toUpperCase() + " " + path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received so far, oldest first. */
    public List<Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public void clear() {
        routes.clear();
        recorded.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            byte[] body = exchange.getRequestBody().readAllBytes();
            recorded.add(new Recorded(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            send(exchange, next(exchange.getRequestMethod().toUpperCase() + " " + uri.getPath()));
        }
    }

    private Reply next(String route) {
        Deque<Reply> replies = routes.get(route);
        if (replies == null) {
            return empty(404);
        }
        synchronized (replies) {
            return replies.size() > 1 ? replies.removeFirst() : replies.getFirst();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        switch (reply) {
            case Delayed(Duration delay, Reply inner) -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(exchange, inner);
            }
            case Body(int status, String contentType, byte[] bytes, Map<String, String> headers) -> {
                if (contentType != null) {
                    exchange.getResponseHeaders().set("Content-Type", contentType);
                }
                headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
            case Truncated(int status, String contentType, byte[] bytes, int declared) -> {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, declared);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes, 0, Math.min(bytes.length, declared - 1));
                out.flush();
                // closing with fewer bytes than declared makes the server drop the connection
                try {
                    out.close();
                } catch (IOException expected) {
                    // "insufficient bytes written": exactly the failure this reply simulates
                }
            }
        }
    }
}
