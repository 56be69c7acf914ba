package dev.portal.notification;

import static dev.portal.notification.NotificationFixture.publish;
import static dev.portal.notification.NotificationFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several instances behind a load balancer: each reads the whole topic, so a notification has the same id on all of
 * them and a client resumes on whichever it reaches next, also when its instance stops under it.
 */
class MultipleInstancesIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final NotificationFixture fixture = new NotificationFixture();
    static NotificationFixture.Instance first;
    static NotificationFixture.Instance second;

    @BeforeAll
    static void start() {
        first = fixture.start();
        second = fixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void every_instance_sends_a_notification_with_the_same_id() {
        UUID user = UUID.randomUUID();
        try (SseClient onFirst = opened(first, user, null); SseClient onSecond = opened(second, user, null)) {
            List<String> ids = List.of(publish(user, "order.status-changed", Map.of("status", "ACTIVATING")),
                    publish(user, "order.status-changed", Map.of("status", "ACTIVATED")));

            assertThat(onFirst.awaitEvents(2, WAIT)).extracting(SseFrame::id).containsExactlyElementsOf(ids);
            assertThat(onSecond.awaitEvents(2, WAIT)).extracting(SseFrame::id).containsExactlyElementsOf(ids);
            assertThat(onSecond.events()).extracting(SseFrame::data).isEqualTo(onFirst.events().stream().map(SseFrame::data).toList());
        }
    }

    @Test
    void a_client_resumes_on_the_other_instance_with_exactly_the_missed_notifications() {
        UUID user = UUID.randomUUID();
        String lastSeen;
        try (SseClient onFirst = opened(first, user, null)) {
            publish(user, "order.step-changed", Map.of("step", "mark-activating"));
            publish(user, "order.step-changed", Map.of("step", "map-products"));
            lastSeen = onFirst.awaitEvents(2, WAIT).getLast().id();
        }
        List<String> missed = List.of(publish(user, "order.step-changed", Map.of("step", "create-whmcs-order")),
                publish(user, "order.step-changed", Map.of("step", "activate-sim")));

        try (SseClient onSecond = opened(second, user, lastSeen)) {
            assertThat(onSecond.awaitEvents(2, WAIT)).extracting(SseFrame::id).containsExactlyElementsOf(missed);
            String live = publish(user, "order.step-changed", Map.of("step", "mark-activated"));
            assertThat(onSecond.awaitEvents(3, WAIT)).extracting(SseFrame::id)
                    .containsExactly(missed.get(0), missed.get(1), live);
        }
    }

    @Test
    void a_stopping_instance_sends_its_clients_to_another_without_losing_or_repeating_a_notification() throws Exception {
        NotificationFixture.Instance leaving = fixture.start();
        UUID user = UUID.randomUUID();
        SseClient before = opened(leaving, user, null);
        List<String> published = new CopyOnWriteArrayList<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int n = 0; n < 60 && publishing.get(); n++) {
                published.add(publish(user, "order.step-changed", Map.of("n", n)));
                pause(Duration.ofMillis(25));
            }
        });
        List<SseFrame> received = new ArrayList<>();

        before.awaitEvents(10, WAIT);
        Thread stopping = Thread.ofPlatform().start(leaving::stop);
        before.awaitEnd(WAIT);
        received.addAll(before.events());
        // what a browser does when its stream ends: wait the announced retry, reconnect with its last id
        SseFrame goodbye = before.frames().getLast();
        assertThat(goodbye.retry()).as("the last frame tells the client when to reconnect").isNotNull();
        assertThat(goodbye.comments()).contains("reconnect");
        SseClient after = second.stream(tokenOf(user), before.lastEventId());
        assertThat(after.status()).isEqualTo(200);
        producer.join();
        stopping.join();
        String last = published.getLast();
        after.awaitFrame(frame -> last.equals(frame.id()), WAIT);
        received.addAll(after.events());
        after.close();

        assertThat(received).extracting(SseFrame::id).containsExactlyElementsOf(published);
    }

    private static SseClient opened(NotificationFixture.Instance instance, UUID user, String lastEventId) {
        SseClient client = instance.stream(tokenOf(user), lastEventId);
        assertThat(client.status()).isEqualTo(200);
        client.awaitFrame(frame -> frame.id() != null, WAIT);
        return client;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
