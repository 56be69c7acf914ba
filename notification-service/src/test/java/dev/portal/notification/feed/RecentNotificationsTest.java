package dev.portal.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a stream is sent when it subscribes with or without a last id, and what the log's bounds make it forget. */
class RecentNotificationsTest {

    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    static final UserId AIKO = new UserId(UUID.randomUUID().toString());
    static final UserId JIRO = new UserId(UUID.randomUUID().toString());

    final RecentNotifications recent = new RecentNotifications(Duration.ofMinutes(15), 3, 100, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_new_stream_gets_the_current_position_then_only_what_comes_after() {
        recent.assigned(1, 0, 0, 0);
        recent.append(Notifications.at(AIKO, 0, 0, NOW));
        RecordingSubscriber stream = new RecordingSubscriber();

        recent.subscribe(AIKO, 0, null, stream);
        recent.append(Notifications.at(AIKO, 0, 1, NOW));

        assertThat(stream.calls).containsExactly("checkpoint 0-0", "deliver 0-1");
    }

    @Test
    void a_resuming_stream_gets_exactly_the_users_notifications_after_its_last_id_then_live_ones() {
        recent.assigned(1, 0, 0, 0);
        recent.append(Notifications.at(AIKO, 0, 0, NOW));
        recent.append(Notifications.at(JIRO, 0, 1, NOW));
        recent.append(Notifications.at(AIKO, 0, 2, NOW));
        recent.append(Notifications.at(AIKO, 0, 3, NOW));
        RecordingSubscriber stream = new RecordingSubscriber();

        recent.subscribe(AIKO, 0, "0-0", stream);
        recent.append(Notifications.at(JIRO, 0, 4, NOW));
        recent.append(Notifications.at(AIKO, 0, 5, NOW));

        assertThat(stream.calls).containsExactly("deliver 0-2", "deliver 0-3", "checkpoint 0-3", "deliver 0-5");
    }

    @Test
    void a_last_id_from_before_this_instance_started_reading_is_a_reset() {
        recent.assigned(1, 0, 10, 12); // seeking back max-age found offset 10: 0-9 were never read here
        recent.append(Notifications.at(AIKO, 0, 10, NOW));
        recent.append(Notifications.at(AIKO, 0, 11, NOW));
        RecordingSubscriber tooOld = new RecordingSubscriber();
        RecordingSubscriber justCovered = new RecordingSubscriber();

        recent.subscribe(AIKO, 0, "0-8", tooOld);
        recent.subscribe(AIKO, 0, "0-9", justCovered);

        assertThat(tooOld.calls).containsExactly("reset 0-11");
        assertThat(justCovered.calls).containsExactly("deliver 0-10", "deliver 0-11", "checkpoint 0-11");
    }

    @Test
    void a_last_id_older_than_what_the_per_user_bound_kept_is_a_reset() {
        recent.assigned(1, 0, 0, 0);
        for (long offset = 0; offset < 5; offset++) { // 3 kept per user: 0 and 1 are dropped
            recent.append(Notifications.at(AIKO, 0, offset, NOW));
        }
        RecordingSubscriber missedOne = new RecordingSubscriber();
        RecordingSubscriber missedNone = new RecordingSubscriber();

        recent.subscribe(AIKO, 0, "0-0", missedOne);
        recent.subscribe(AIKO, 0, "0-1", missedNone);

        assertThat(missedOne.calls).containsExactly("reset 0-4");
        assertThat(missedNone.calls).containsExactly("deliver 0-2", "deliver 0-3", "deliver 0-4", "checkpoint 0-4");
    }

    @Test
    void notifications_older_than_max_age_are_forgotten_and_ids_before_them_are_a_reset() {
        recent.assigned(1, 0, 0, 0);
        recent.append(Notifications.at(AIKO, 0, 0, NOW.minus(Duration.ofMinutes(20))));
        recent.append(Notifications.at(JIRO, 0, 1, NOW.minus(Duration.ofMinutes(16))));
        recent.append(Notifications.at(AIKO, 0, 2, NOW));
        RecordingSubscriber stream = new RecordingSubscriber();

        recent.subscribe(AIKO, 0, "0-0", stream);

        assertThat(recent.kept()).isEqualTo(1);
        assertThat(stream.calls).as("0-1 (someone else's, forgotten) might have been Aiko's").containsExactly("reset 0-2");
    }

    @Test
    void the_total_bound_forgets_the_oldest_notifications_of_every_user() {
        RecentNotifications small = new RecentNotifications(Duration.ofMinutes(15), 3, 2, Clock.fixed(NOW, ZoneOffset.UTC));
        small.assigned(1, 0, 0, 0);
        small.append(Notifications.at(AIKO, 0, 0, NOW));
        small.append(Notifications.at(JIRO, 0, 1, NOW));
        small.append(Notifications.at(JIRO, 0, 2, NOW));

        assertThat(small.kept()).isEqualTo(2);
        assertThat(small.users()).as("a user with nothing kept and no stream is forgotten").isEqualTo(1);
        RecordingSubscriber stream = new RecordingSubscriber();
        small.subscribe(AIKO, 0, "0-0", stream);
        assertThat(stream.calls).containsExactly("checkpoint 0-2");
    }

    @Test
    void a_notification_a_producer_wrote_twice_is_delivered_once() {
        recent.assigned(1, 0, 0, 0);
        RecordingSubscriber stream = new RecordingSubscriber();
        recent.subscribe(AIKO, 0, null, stream);
        Notification first = Notifications.at(AIKO, 0, 0, NOW);
        Notification again = new Notification(new Position(0, 1), first.notificationId(), AIKO, first.type(), first.data(), NOW);

        recent.append(first);
        recent.append(again);

        assertThat(stream.calls).containsExactly("checkpoint 0--1", "deliver 0-0");
        assertThat(recent.lastSeen(0)).isEqualTo(new Position(0, 1));
    }

    @Test
    void a_record_read_again_after_a_rebalance_is_not_delivered_twice() {
        recent.assigned(1, 0, 0, 0);
        Notification notification = Notifications.at(AIKO, 0, 0, NOW);
        RecordingSubscriber stream = new RecordingSubscriber();
        recent.subscribe(AIKO, 0, null, stream);

        recent.append(notification);
        recent.append(notification);

        assertThat(stream.calls).containsExactly("checkpoint 0--1", "deliver 0-0");
    }

    @Test
    void an_id_of_another_partition_or_not_one_of_ours_is_a_reset() {
        recent.assigned(2, 0, 0, 0);
        recent.assigned(2, 1, 0, 0);
        RecordingSubscriber otherPartition = new RecordingSubscriber();
        RecordingSubscriber garbage = new RecordingSubscriber();

        recent.subscribe(AIKO, 0, "1-0", otherPartition);
        recent.subscribe(AIKO, 0, "<script>", garbage);

        assertThat(otherPartition.calls).containsExactly("reset 0--1");
        assertThat(garbage.calls).containsExactly("reset 0--1");
    }

    @Test
    void a_cancelled_subscription_gets_nothing_more() {
        recent.assigned(1, 0, 0, 0);
        RecordingSubscriber stream = new RecordingSubscriber();
        Subscription subscription = recent.subscribe(AIKO, 0, null, stream);

        subscription.cancel();
        recent.append(Notifications.at(AIKO, 0, 0, NOW));

        assertThat(stream.calls).containsExactly("checkpoint 0--1");
    }

    @Test
    void a_stream_waits_until_its_partition_is_read_up_to_where_it_was_at_assignment() {
        int partition = RecentNotifications.partitionOf(AIKO, 2);
        assertThat(recent.whenReady(AIKO)).isNotDone();

        recent.assigned(2, partition, 5, 8);
        recent.assigned(2, 1 - partition, 0, 0);
        assertThat(recent.whenReady(AIKO)).isNotDone();
        assertThat(recent.ready()).isFalse();
        recent.append(Notifications.at(AIKO, partition, 5, NOW));
        recent.skipped(new Position(partition, 6));
        assertThat(recent.whenReady(AIKO)).isNotDone();
        recent.append(Notifications.at(JIRO, partition, 7, NOW));

        assertThat(recent.whenReady(AIKO)).isCompletedWithValue(partition);
        assertThat(recent.ready()).isTrue();
    }

    @Test
    void an_idle_consumer_has_read_everything_even_when_the_last_offset_was_no_record() {
        recent.assigned(1, 0, 0, 3); // offset 2 is a transaction marker: no record will ever have it
        recent.append(Notifications.at(AIKO, 0, 0, NOW));
        recent.append(Notifications.at(AIKO, 0, 1, NOW));
        assertThat(recent.ready()).isFalse();

        recent.idle(List.of(0));

        assertThat(recent.ready()).isTrue();
    }
}
