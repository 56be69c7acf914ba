package dev.portal.notification;

import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A client of one event stream that reads as fast as it can on a thread of its own and keeps every frame with the
 * time it arrived, like a browser's {@code EventSource} does (minus the automatic reconnection: tests reconnect).
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A frame and when it was read ({@code System.currentTimeMillis()}). */
    public record Received(SseFrame frame, long atMillis) {
    }

    public final HttpResponse<InputStream> response;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean ended;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().name("sse-client").start(this::read);
    }

    /** Opens {@code GET /api/events} on {@code baseUrl} with a bearer token and, unless null, a {@code Last-Event-ID}. */
    public static SseClient open(String baseUrl, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/events"))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("GET /api/events failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    /** The body of an answer that is not a stream (a problem). */
    public String body() {
        await().atMost(Duration.ofSeconds(10)).until(() -> ended);
        StringBuilder text = new StringBuilder();
        received.forEach(frame -> text.append(frame.frame().data()));
        return text.toString();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<SseFrame> frames() {
        return received.stream().map(Received::frame).toList();
    }

    /** What a browser dispatches: notifications and resets, in order. */
    public List<SseFrame> events() {
        return frames().stream().filter(SseFrame::isEvent).toList();
    }

    /** The id a browser would send as {@code Last-Event-ID} now: the last {@code id:} field read. */
    public String lastEventId() {
        String last = null;
        for (SseFrame frame : frames()) {
            if (frame.id() != null) {
                last = frame.id();
            }
        }
        return last;
    }

    public boolean ended() {
        return ended;
    }

    public List<SseFrame> awaitEvents(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> events().size() >= count || ended);
        return events();
    }

    public SseFrame awaitFrame(Predicate<SseFrame> wanted, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> frames().stream().anyMatch(wanted));
        return frames().stream().filter(wanted).findFirst().orElseThrow();
    }

    public void awaitEnd(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> ended);
    }

    private void read() {
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (!stream) {
                StringBuilder body = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    body.append(line);
                }
                received.add(new Received(new SseFrame(null, null, body.toString(), null, List.of()), System.currentTimeMillis()));
                return;
            }
            String id = null;
            String event = null;
            StringBuilder data = null;
            Long retry = null;
            List<String> comments = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (id != null || event != null || data != null || retry != null || !comments.isEmpty()) {
                        received.add(new Received(new SseFrame(id, event, data == null ? null : data.toString(), retry,
                                List.copyOf(comments)), System.currentTimeMillis()));
                    }
                    id = null;
                    event = null;
                    data = null;
                    retry = null;
                    comments.clear();
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "retry" -> retry = Long.parseLong(value);
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // unknown fields are ignored, as a browser does
                    }
                }
            }
        } catch (IOException closed) {
            // the connection was closed (by the test or by the server)
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
