package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-sent events pass through unbuffered: the first event arrives while the stream is still open. */
class StreamingIT extends GatewayTestBase {

    @Test
    void the_first_event_arrives_before_the_stream_ends() throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(request("/api/events")
                .header("Accept", "text/event-stream").header("Cookie", "portal_access=" + TOKENS.valid("user-sse"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));

        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.equals("data: first")) {
                lines.add(line);
            }
            assertThat(line).as("first event, while the service holds the stream open").isEqualTo("data: first");
            NOTIFICATION.releaseStream();
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(lines).contains("data: last");
        assertThat(NOTIFICATION.last("/api/events").header("Authorization")).startsWith("Bearer ");
    }
}
