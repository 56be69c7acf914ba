package dev.portal.notification.stream;

import static dev.portal.notification.NotificationFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.notification.NotificationFixture;
import dev.portal.notification.SseClient;
import dev.portal.platform.test.ApiClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An instance holds at most {@code per-instance} streams: the next one is a 429 problem, until one closes. */
class StreamCapsIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final NotificationFixture fixture = new NotificationFixture();
    static NotificationFixture.Instance instance;

    @BeforeAll
    static void start() {
        instance = fixture.start("portal.notification.stream.per-instance=2");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_full_instance_answers_a_429_problem_before_the_stream_starts_and_takes_streams_again_once_one_closes() {
        SseClient one = opened(UUID.randomUUID());
        try (SseClient two = opened(UUID.randomUUID()); SseClient three = instance.stream(tokenOf(UUID.randomUUID()), null)) {
            assertThat(three.status()).isEqualTo(429);
            assertThat(three.response.headers().firstValue("Retry-After")).isPresent();
            assertThat(ApiClient.jsonMapper().readTree(three.body()).path("code").asString()).isEqualTo("stream-capacity-reached");

            one.close();
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> instance.context().getBean(EventStreams.class).size() == 1);
            try (SseClient four = opened(UUID.randomUUID())) {
                assertThat(four.ended()).isFalse();
            }
        }
    }

    private static SseClient opened(UUID user) {
        SseClient client = instance.stream(tokenOf(user), null);
        assertThat(client.status()).isEqualTo(200);
        client.awaitFrame(frame -> frame.id() != null, WAIT);
        return client;
    }
}
