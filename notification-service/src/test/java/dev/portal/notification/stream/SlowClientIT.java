package dev.portal.notification.stream;

import static dev.portal.notification.NotificationFixture.publish;
import static dev.portal.notification.NotificationFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.notification.NotificationFixture;
import dev.portal.notification.SseClient;
import dev.portal.notification.SseFrame;
import dev.portal.platform.test.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading (a frozen tab, a dead mobile link) fills its own queue and is disconnected; a client
 * reading normally beside it gets every notification as fast as before. Measured: the healthy client's latency
 * (publish to read) beside a client that reads, then beside a stalled one sent the same traffic.
 */
class SlowClientIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Large enough that the stalled client's socket buffers fill after a few hundred notifications. */
    static final String PADDING = "x".repeat(16 * 1024);
    static final int BASELINE = 150;
    static final int MOST = 3_000;
    static final NotificationFixture fixture = new NotificationFixture();
    static NotificationFixture.Instance instance;

    @BeforeAll
    static void start() {
        instance = fixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_stalled_client_is_disconnected_without_delaying_a_healthy_one() throws Exception {
        UUID healthyUser = UUID.randomUUID();
        UUID readingUser = UUID.randomUUID();
        UUID stalledUser = UUID.randomUUID();
        EventStreams streams = instance.context().getBean(EventStreams.class);
        try (SseClient healthy = opened(healthyUser); SseClient reading = opened(readingUser)) {
            // the same traffic twice: beside a client that reads, then beside one that does not (the first 150 warm up)
            for (int n = 0; n < 2 * BASELINE; n++) {
                publish(readingUser, "order.step-changed", Map.of("padding", PADDING));
                publishTimed(healthyUser, n);
            }
            healthy.awaitEvents(2 * BASELINE, WAIT);
            long[] besideReading = latencies(healthy, BASELINE, 2 * BASELINE);

            try (Socket stalled = stalledStream(stalledUser)) {
                await().atMost(WAIT).until(() -> streams.size() == 3);
                double droppedBefore = dropped();
                int sent = 0;
                while (dropped() == droppedBefore && sent < MOST) {
                    publish(stalledUser, "order.step-changed", Map.of("padding", PADDING));
                    publishTimed(healthyUser, 2 * BASELINE + sent);
                    sent++;
                }
                int beside = sent;
                await().atMost(WAIT).until(() -> streams.size() == 2);
                List<SseFrame> events = healthy.awaitEvents(2 * BASELINE + beside, WAIT);
                long[] besideStalled = latencies(healthy, 2 * BASELINE, 2 * BASELINE + beside);

                System.out.printf("stalled client dropped after %d notifications of %d KiB; healthy client latency, publish "
                                + "to read (ms), beside a reading client: p50 %d, p99 %d, max %d (%d samples); beside the "
                                + "stalled one: p50 %d, p99 %d, max %d (%d samples)%n",
                        beside, PADDING.length() / 1024, percentile(besideReading, 50), percentile(besideReading, 99),
                        percentile(besideReading, 100), besideReading.length, percentile(besideStalled, 50),
                        percentile(besideStalled, 99), percentile(besideStalled, 100), besideStalled.length);
                assertThat(dropped()).as("the stalled client was disconnected").isEqualTo(droppedBefore + 1);
                assertThat(beside).as("dropped before the test gave up").isLessThan(MOST);
                assertThat(events).hasSize(2 * BASELINE + beside);
                assertThat(events).extracting(frame -> json(frame).path("n").asInt())
                        .as("every notification, in order").isSorted().doesNotHaveDuplicates();
                assertThat(reading.events()).hasSize(2 * BASELINE);
                // generous: two shared cores; what must not happen is latency growing with the stalled client's backlog
                assertThat(percentile(besideStalled, 99)).as("healthy p99 beside a stalled client")
                        .isLessThan(Math.max(1_000, 5 * percentile(besideReading, 99)));
            }
        }
    }

    private static SseClient opened(UUID user) {
        SseClient client = instance.stream(tokenOf(user), null);
        client.awaitFrame(frame -> frame.id() != null, WAIT);
        return client;
    }

    private static void publishTimed(UUID user, int n) {
        publish(user, "order.step-changed", Map.of("n", n, "sentAt", System.currentTimeMillis(), "padding", PADDING));
    }

    /** Opens a stream and never reads from it, with a small receive buffer so that it fills sooner. */
    private static Socket stalledStream(UUID user) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", instance.port()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                + tokenOf(user) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static long[] latencies(SseClient client, int from, int to) {
        List<Long> latencies = new ArrayList<>();
        List<SseClient.Received> events = client.received().stream().filter(received -> received.frame().isEvent()).toList();
        for (SseClient.Received received : events.subList(from, to)) {
            latencies.add(received.atMillis() - json(received.frame()).path("sentAt").asLong());
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double dropped() {
        return instance.context().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("portal.notification.streams.dropped").counter().count();
    }

    private static tools.jackson.databind.JsonNode json(SseFrame frame) {
        return ApiClient.jsonMapper().readTree(frame.data());
    }
}
