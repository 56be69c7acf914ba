package dev.portal.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP service behind the gateway in tests. Every path answers 200 with a JSON echo of what arrived
 * (method, path, headers), except the behaviours below, chosen by the last path segment:
 * {@code slow} (answers after 3 s), {@code unstable} (503), {@code drop} (closes the connection without an answer),
 * and {@code /api/events} streams server-sent events (one at once, the next only when {@link #releaseStream()} is called);
 * {@code /v3/api-docs} serves an OpenAPI document with one path named after the service.
 */
final class Upstream implements AutoCloseable {

    record Seen(String method, String path, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile CountDownLatch stream = new CountDownLatch(1);
    private volatile Duration apiDocsDelay = Duration.ZERO;

    private Upstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static Upstream start(String name) {
        return new Upstream(name);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    Seen last(String path) {
        return seen.reversed().stream().filter(s -> s.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " never saw " + path + "; saw " + seen));
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    void releaseStream() {
        stream.countDown();
    }

    void apiDocsDelay(Duration delay) {
        apiDocsDelay = delay;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), String.join(",", values)));
        seen.add(new Seen(exchange.getRequestMethod(), path, headers));
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            if (path.equals("/v3/api-docs")) {
                sleep(apiDocsDelay);
                send(exchange, 200, "application/json", apiDocs());
                return;
            }
            if (path.equals("/api/events")) {
                stream(exchange);
                return;
            }
            switch (last) {
                case "slow" -> {
                    sleep(Duration.ofSeconds(3));
                    send(exchange, 200, "application/json", "{\"slow\":true}");
                }
                case "unstable" -> send(exchange, 503, "application/json", "{\"unstable\":true}");
                case "drop" -> throw new IOException("dropping the connection on purpose");
                default -> send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of(
                        "service", name, "method", exchange.getRequestMethod(), "path", path, "headers", headers)));
            }
        } finally {
            exchange.close();
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("id: 1\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            stream.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.write("id: 2\ndata: last\n\n".getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    private String apiDocs() {
        return """
                {"openapi":"3.1.0","info":{"title":"%1$s","version":"1"},
                 "tags":[{"name":"%1$s"},{"name":"shared"}],
                 "paths":{"/api/%1$s/things":{"get":{"tags":["%1$s"],"responses":{"200":{"description":"ok"}}}}},
                 "components":{"schemas":{"%1$sThing":{"type":"object"},"Problem":{"type":"object","description":"from %1$s"}}}}
                """.formatted(name);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stream.countDown();
        server.stop(0);
    }
}
