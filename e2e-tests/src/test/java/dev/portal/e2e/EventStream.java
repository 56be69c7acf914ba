package dev.portal.e2e;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/events} through the gateway read as a browser's {@code EventSource} reads it: messages up to a
 * blank line, the last {@code id:} kept for {@code Last-Event-ID}, comments skipped. Reconnecting is the test's
 * choice (a browser does it by itself).
 */
final class EventStream implements AutoCloseable {

    /** A dispatched event: {@code id}, {@code event} and {@code data}, and when it was read. */
    record Event(String id, String type, String data, long readAtMillis) {

        JsonNode json() {
            return Browser.JSON.readTree(data);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final HttpResponse<InputStream> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile String lastEventId;
    private volatile boolean ended;

    private EventStream(HttpResponse<InputStream> response, String lastEventId) {
        this.response = response;
        this.lastEventId = lastEventId;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().name("event-stream").start(this::read);
        }
    }

    /** Opens a stream with the given request headers ({@code Cookie}, {@code Authorization}, {@code Last-Event-ID}). */
    static EventStream open(Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSuite.url(8080, "/api/events")))
                .header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()),
                    headers.get("Last-Event-ID"));
        } catch (IOException e) {
            throw new AssertionError("GET /api/events failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** What the browser would send as {@code Last-Event-ID} on reconnecting now. */
    String lastEventId() {
        return lastEventId;
    }

    boolean ended() {
        return ended;
    }

    Event await(Predicate<Event> wanted, Duration timeout) {
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> events.stream().anyMatch(wanted));
        return events.stream().filter(wanted).findFirst().orElseThrow();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    if (data != null) {
                        events.add(new Event(id, type == null ? "message" : type, data.toString(), System.currentTimeMillis()));
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> type = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                            // retry: and unknown fields change nothing this client keeps
                        }
                    }
                }
            }
        } catch (IOException closed) {
            // closed by the test or the server
        } finally {
            ended = true;
        }
    }

    static List<Event> concat(List<Event> first, List<Event> second) {
        List<Event> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
