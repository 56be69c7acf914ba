package dev.portal.notification;

import static dev.portal.notification.NotificationFixture.publishTo;
import static dev.portal.notification.NotificationFixture.readingTopic;
import static dev.portal.notification.NotificationFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance that starts (a restart, a new replica) rebuilds its log by reading the last {@code max-age} of the
 * topic before it reports ready: clients resume on it as on the others, and an id older than that is a reset.
 * Each test reads a topic of its own, so that what it wrote before the start is all there is.
 */
class RebuildIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    final NotificationFixture fixture = new NotificationFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void a_new_instance_resumes_a_client_from_notifications_written_before_it_started() {
        String topic = "rebuild-it." + UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String seen = publishTo(topic, UUID.randomUUID(), user, "order.status-changed", Map.of("status", "ACTIVATING"), Instant.now());
        List<String> missed = List.of(
                publishTo(topic, UUID.randomUUID(), user, "order.step-changed", Map.of("step", "map-products"), Instant.now()),
                publishTo(topic, UUID.randomUUID(), user, "order.step-changed", Map.of("step", "create-whmcs-order"), Instant.now()));

        NotificationFixture.Instance started = fixture.start(readingTopic(topic));

        try (SseClient client = started.stream(tokenOf(user), seen)) {
            assertThat(client.awaitEvents(2, WAIT)).extracting(SseFrame::id).containsExactlyElementsOf(missed);
        }
    }

    @Test
    void a_client_away_for_longer_than_the_log_reaches_back_gets_a_reset_and_a_recent_one_resumes() {
        String topic = "rebuild-it." + UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Instant now = Instant.now();
        String twoHoursAgo = publishTo(topic, UUID.randomUUID(), user, "case.updated", Map.of("n", 1), now.minus(Duration.ofHours(2)));
        String anHourAgo = publishTo(topic, UUID.randomUUID(), user, "case.updated", Map.of("n", 2), now.minus(Duration.ofHours(1)));
        String aMinuteAgo = publishTo(topic, UUID.randomUUID(), user, "case.updated", Map.of("n", 3), now.minus(Duration.ofMinutes(1)));

        NotificationFixture.Instance started = fixture.start(readingTopic(topic), "portal.notification.log.max-age=15m");

        try (SseClient awayTooLong = started.stream(tokenOf(user), twoHoursAgo)) {
            SseFrame reset = awayTooLong.awaitEvents(1, WAIT).getFirst();
            assertThat(reset.event()).as("the notification of an hour ago is not in the log").isEqualTo("reset");
            assertThat(reset.id()).isEqualTo(aMinuteAgo);
        }
        try (SseClient recent = started.stream(tokenOf(user), anHourAgo)) {
            assertThat(recent.awaitEvents(1, WAIT)).extracting(SseFrame::id).containsExactly(aMinuteAgo);
        }
    }
}
