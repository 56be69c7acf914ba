package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code PORTAL_NOTIFICATION_STREAM_URI=lb://notification-service}, event streams are spread over the
 * notification instances ({@code PORTAL_NOTIFICATION_URL}, {@code PORTAL_NOTIFICATION_2_URL}), and one that stops
 * answering its readiness probe gets no new stream: clients sent away by a stopping instance reconnect to the
 * others. Own context.
 */
class StreamBalancingIT extends GatewayTestBase {

    static final Upstream SECOND = Upstream.start("notification-2");

    @DynamicPropertySource
    static void twoNotificationInstances(DynamicPropertyRegistry registry) {
        registry.add("PORTAL_NOTIFICATION_STREAM_URI", () -> "lb://notification-service");
        registry.add("PORTAL_NOTIFICATION_2_URL", SECOND::url);
    }

    @Test
    void streams_alternate_between_instances_and_avoid_one_that_is_gone() throws Exception {
        int firstBefore = NOTIFICATION.hits("/api/events");
        // the first health check runs as the load balancer starts; until it answered no instance is known
        await().atMost(Duration.ofSeconds(20)).until(() -> openAndClose() == 200);
        int secondBefore = SECOND.hits("/api/events");
        int first = NOTIFICATION.hits("/api/events") - firstBefore;
        for (int stream = 0; stream < 4; stream++) {
            assertThat(openAndClose()).isEqualTo(200);
        }
        assertThat(NOTIFICATION.hits("/api/events") - firstBefore - first).as("streams on the first instance").isEqualTo(2);
        assertThat(SECOND.hits("/api/events") - secondBefore).as("streams on the second instance").isEqualTo(2);

        SECOND.close();
        // the health check notices within a second or two; until then a stream may still be tried there
        await().atMost(Duration.ofSeconds(20)).until(() -> openAndClose() == 200 && openAndClose() == 200
                && openAndClose() == 200);
        int firstNow = NOTIFICATION.hits("/api/events");
        for (int stream = 0; stream < 4; stream++) {
            assertThat(openAndClose()).as("every stream goes to the instance still there").isEqualTo(200);
        }
        assertThat(NOTIFICATION.hits("/api/events")).isEqualTo(firstNow + 4);
    }

    private int openAndClose() throws Exception {
        HttpResponse<InputStream> response = http.send(request("/api/events").header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TOKENS.valid("user-balanced")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 200) {
                body.readNBytes(8); // the first event has arrived: the stream was served
            }
        }
        return response.statusCode();
    }
}
