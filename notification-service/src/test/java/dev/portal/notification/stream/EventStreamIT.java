package dev.portal.notification.stream;

import static dev.portal.notification.NotificationFixture.publish;
import static dev.portal.notification.NotificationFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.notification.NotificationFixture;
import dev.portal.notification.SseClient;
import dev.portal.notification.SseFrame;
import dev.portal.notification.feed.Position;
import dev.portal.notification.feed.RecentNotifications;
import dev.portal.notification.feed.UserId;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One instance on the real broker: who gets which notifications, with which ids, and what a resuming client gets. */
class EventStreamIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final NotificationFixture fixture = new NotificationFixture();
    static NotificationFixture.Instance instance;

    @BeforeAll
    static void start() {
        instance = fixture.start("portal.notification.log.per-user=5", "portal.notification.stream.per-user=2",
                "portal.notification.stream.heartbeat=300ms");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void without_a_token_the_answer_is_a_401_problem_not_a_stream() {
        try (SseClient client = instance.stream(null, null)) {
            assertThat(client.status()).isEqualTo(401);
            assertThat(client.response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(client.response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(ApiClient.jsonMapper().readTree(client.body()).path("code").asString()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void the_openapi_document_describes_the_stream() {
        assertThat(instance.get("/v3/api-docs").body()).contains("\"/api/events\"").contains("text/event-stream")
                .contains("Last-Event-ID");
    }

    @Test
    void a_token_the_identity_service_did_not_sign_is_a_401_problem() {
        try (SseClient client = instance.stream(NotificationFixture.TOKENS.signedWithWrongKey(UUID.randomUUID().toString()), null)) {
            assertThat(client.status()).isEqualTo(401);
            assertThat(ApiClient.jsonMapper().readTree(client.body()).path("code").asString()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void a_user_receives_their_own_notifications_in_order_and_never_another_users() {
        UUID aiko = UUID.randomUUID();
        UUID jiro = UUID.randomUUID();
        try (SseClient aikos = opened(aiko, null); SseClient jiros = opened(jiro, null)) {
            List<String> ids = new ArrayList<>();
            for (int step = 1; step <= 5; step++) {
                ids.add(publish(aiko, "order.step-changed", Map.of("orderId", "801A", "step", step)));
                publish(jiro, "case.updated", Map.of("caseId", "500B", "n", step));
            }

            List<SseFrame> events = aikos.awaitEvents(5, WAIT);
            assertThat(events).extracting(SseFrame::event).containsOnly("order.step-changed");
            assertThat(events).extracting(SseFrame::id).containsExactlyElementsOf(ids);
            assertThat(events).extracting(frame -> json(frame).path("step").asInt()).containsExactly(1, 2, 3, 4, 5);
            assertThat(json(events.getFirst()).path("orderId").asString()).isEqualTo("801A");
            assertThat(jiros.awaitEvents(5, WAIT)).extracting(SseFrame::event).containsOnly("case.updated");
            assertThat(aikos.events()).hasSize(5);
        }
    }

    @Test
    void reconnecting_with_the_last_id_sends_exactly_the_missed_notifications() {
        UUID user = UUID.randomUUID();
        String lastSeen;
        try (SseClient first = opened(user, null)) {
            publish(user, "order.status-changed", Map.of("status", "ACTIVATING"));
            lastSeen = first.awaitEvents(1, WAIT).getLast().id();
        }
        List<String> missed = List.of(publish(user, "order.status-changed", Map.of("status", "ACTIVATED")),
                publish(user, "order.step-changed", Map.of("step", "mark-activated")));

        try (SseClient again = opened(user, lastSeen)) {
            assertThat(again.awaitEvents(2, WAIT)).extracting(SseFrame::id).containsExactlyElementsOf(missed);
            String live = publish(user, "order.step-changed", Map.of("step", "done"));
            assertThat(again.awaitEvents(3, WAIT)).extracting(SseFrame::id).containsExactly(missed.get(0), missed.get(1), live);
        }
    }

    @Test
    void an_id_older_than_what_the_log_keeps_starts_the_stream_with_a_reset() {
        UUID user = UUID.randomUUID();
        String first = publish(user, "sim.operation-changed", Map.of("n", 0));
        String last = first;
        for (int n = 1; n <= 6; n++) { // the log keeps 5 per user here: the one after the first is forgotten too
            last = publish(user, "sim.operation-changed", Map.of("n", n));
        }
        awaitRead(last);

        try (SseClient client = opened(user, first)) {
            SseFrame reset = client.awaitEvents(1, WAIT).getFirst();
            assertThat(reset.event()).isEqualTo("reset");
            String live = publish(user, "sim.operation-changed", Map.of("n", 7));
            assertThat(client.awaitEvents(2, WAIT)).extracting(SseFrame::id).containsExactly(reset.id(), live);
        }
    }

    @Test
    void an_id_this_service_never_gave_out_starts_the_stream_with_a_reset() {
        UUID user = UUID.randomUUID();
        try (SseClient client = opened(user, "not-an-id")) {
            assertThat(client.awaitEvents(1, WAIT)).extracting(SseFrame::event).containsExactly("reset");
        }
    }

    @Test
    void the_same_notification_written_twice_by_a_producer_arrives_once() {
        UUID user = UUID.randomUUID();
        UUID notification = UUID.randomUUID();
        try (SseClient client = opened(user, null)) {
            publish(notification, user, "case.updated", Map.of("caseId", "500X"), Instant.now());
            publish(notification, user, "case.updated", Map.of("caseId", "500X"), Instant.now());
            String next = publish(user, "case.updated", Map.of("caseId", "500Y"));

            client.awaitFrame(frame -> next.equals(frame.id()), WAIT);
            assertThat(client.events()).extracting(frame -> json(frame).path("caseId").asString()).containsExactly("500X", "500Y");
        }
    }

    @Test
    void a_user_over_the_per_user_cap_gets_a_429_problem_before_any_stream_starts() {
        UUID user = UUID.randomUUID();
        try (SseClient one = opened(user, null); SseClient two = opened(user, null); SseClient three = instance.stream(tokenOf(user), null)) {
            assertThat(three.status()).isEqualTo(429);
            assertThat(three.response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(three.response.headers().firstValue("Retry-After")).isPresent();
            assertThat(ApiClient.jsonMapper().readTree(three.body()).path("code").asString()).isEqualTo("too-many-streams");
            assertThat(one.ended()).isFalse();
            assertThat(two.ended()).isFalse();
        }
    }

    @Test
    void an_idle_stream_gets_heartbeat_comments_that_carry_the_current_position() {
        UUID user = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        try (SseClient client = opened(user, null)) {
            SseFrame checkpoint = client.awaitFrame(frame -> frame.id() != null, WAIT);
            assertThat(checkpoint.isEvent()).as("a checkpoint is an id without data: no event for the browser").isFalse();
            client.awaitFrame(frame -> frame.comments().contains("heartbeat"), WAIT);

            // other users' notifications on the same partition move this client's resume point without an event
            String elsewhere = publishOnPartitionOf(user, someoneElse);
            client.awaitFrame(frame -> elsewhere.equals(frame.id()), WAIT);
            assertThat(client.events()).isEmpty();
        }
    }

    private static String publishOnPartitionOf(UUID user, UUID other) {
        UUID sameLane = other;
        while (partitionOf(sameLane) != partitionOf(user)) {
            sameLane = UUID.randomUUID();
        }
        return publish(sameLane, "case.updated", Map.of("caseId", "500Z"));
    }

    private static int partitionOf(UUID user) {
        return RecentNotifications.partitionOf(new UserId(user.toString()), Topics.NOTIFICATIONS.partitions());
    }

    private static SseClient opened(UUID user, String lastEventId) {
        SseClient client = instance.stream(tokenOf(user), lastEventId);
        assertThat(client.status()).as("stream of %s", user).isEqualTo(200);
        assertThat(client.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        // the stream is subscribed once its first id (a checkpoint, a reset or a replay) has arrived
        client.awaitFrame(frame -> frame.id() != null, WAIT);
        return client;
    }

    /** Waits until the instance has read the topic up to a published notification. */
    private static void awaitRead(String id) {
        Position position = Position.parse(id).orElseThrow();
        RecentNotifications recent = instance.context().getBean(RecentNotifications.class);
        await().atMost(WAIT).until(() -> recent.lastSeen(position.partition()).offset() >= position.offset());
    }

    private static JsonNode json(SseFrame frame) {
        return ApiClient.jsonMapper().readTree(frame.data());
    }
}
