package dev.portal.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.notification.config.NotificationProperties;
import dev.portal.notification.feed.Notification;
import dev.portal.notification.feed.Position;
import dev.portal.notification.feed.RecentNotifications;
import dev.portal.notification.feed.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.BaseSubscriber;

/** One stream's frames: ids only grow, heartbeats carry the position, a client that takes nothing is cut off. */
class EventStreamTest {

    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    static final UserId USER = new UserId(UUID.randomUUID().toString());

    final AtomicBoolean aborted = new AtomicBoolean();
    final EventStreams streams = new EventStreams(
            new RecentNotifications(Duration.ofMinutes(15), 100, 1000, Clock.fixed(NOW, ZoneOffset.UTC)),
            new NotificationProperties(ZoneId.of("UTC"), new NotificationProperties.Stream(Duration.ofSeconds(15), 16, 5, 100,
                    Duration.ofSeconds(3)), new NotificationProperties.Log(Duration.ofMinutes(15), 10, 1000),
                    new NotificationProperties.Shutdown(Duration.ZERO, Duration.ZERO)),
            Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(1), new SimpleMeterRegistry());

    @Test
    void ids_only_grow_so_a_replay_overlapping_live_notifications_sends_nothing_twice() {
        EventStream stream = stream("0-2");
        List<ServerSentEvent<String>> frames = reading(stream, Long.MAX_VALUE);

        stream.deliver(notification(1));
        stream.deliver(notification(3));
        stream.deliver(notification(3));
        stream.checkpoint(new Position(0, 3));
        stream.deliver(notification(4));

        assertThat(frames).extracting(ServerSentEvent::id).containsExactly("0-3", "0-4");
        assertThat(frames).extracting(ServerSentEvent::event).containsExactly("order.status-changed", "order.status-changed");
    }

    @Test
    void a_heartbeat_carries_the_position_when_it_moved_past_the_last_id_sent() {
        EventStream stream = stream(null);
        List<ServerSentEvent<String>> frames = reading(stream, Long.MAX_VALUE);
        stream.checkpoint(new Position(0, 7));

        stream.heartbeat(NOW, partition -> new Position(partition, 7));
        stream.heartbeat(NOW, partition -> new Position(partition, 9));

        assertThat(frames).extracting(ServerSentEvent::id).containsExactly("0-7", null, "0-9");
        assertThat(frames.get(1).comment()).isEqualTo("heartbeat");
        assertThat(frames.get(1).data()).as("a heartbeat is no event").isNull();
    }

    @Test
    void a_client_that_takes_nothing_is_disconnected_once_its_buffer_is_full() {
        EventStream stream = stream(null);
        List<ServerSentEvent<String>> frames = reading(stream, 0);

        for (long offset = 0; offset < 16; offset++) {
            stream.deliver(notification(offset));
        }
        assertThat(aborted).as("16 frames waiting: the buffer is full, not over").isFalse();
        stream.deliver(notification(16));

        assertThat(aborted).isTrue();
        assertThat(frames).isEmpty();
    }

    @Test
    void a_stream_ends_when_the_token_it_was_opened_with_expires_and_the_client_reconnects_at_once() {
        EventStream stream = new EventStream(USER, null, NOW.plusSeconds(60), 16, () -> aborted.set(true), streams);
        List<ServerSentEvent<String>> frames = reading(stream, Long.MAX_VALUE);

        stream.heartbeat(NOW.plusSeconds(59), partition -> new Position(partition, -1));
        stream.heartbeat(NOW.plusSeconds(60), partition -> new Position(partition, -1));

        assertThat(frames.getLast().retry()).isEqualTo(Duration.ZERO);
        assertThat(frames.getLast().comment()).isEqualTo("token expired");
        assertThat(aborted).isFalse();
    }

    private EventStream stream(String lastEventId) {
        return new EventStream(USER, lastEventId, null, 16, () -> aborted.set(true), streams);
    }

    /** Subscribes as the connection does, taking {@code demand} frames. */
    private static List<ServerSentEvent<String>> reading(EventStream stream, long demand) {
        List<ServerSentEvent<String>> frames = new CopyOnWriteArrayList<>();
        stream.frames().subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                if (demand > 0) {
                    subscription.request(demand);
                }
            }

            @Override
            protected void hookOnNext(ServerSentEvent<String> frame) {
                frames.add(frame);
            }
        });
        return frames;
    }

    private static Notification notification(long offset) {
        return new Notification(new Position(0, offset), UUID.randomUUID(), USER, "order.status-changed", "{}", NOW);
    }
}
