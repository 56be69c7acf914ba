package dev.portal.clients.salesforce.streaming;

import dev.portal.sandbox.EmbeddedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber against the in-process sandbox's Streaming API: ordered delivery with replay ids, restart from a
 * stored id, transparent token renewal, re-handshake after the server forgot the client, the invalid-replay-id
 * callback, and reconnection through injected network faults. The sandbox holds connects for 1 s and forgets a
 * silent client after 3 s (its defaults are Salesforce's 110 s and 40 s).
 */
class ChangeEventSubscriberIT {

    private static final String ACCOUNTS = "/data/AccountChangeEvent";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern REPLAY_IDS = Pattern.compile("\"replayIds\":\\[(\\d+)");

    private final EmbeddedSandbox sandbox = EmbeddedSandbox.get();
    private final List<ChangeEventSubscriber> started = new ArrayList<>();
    private ClientCredentialsAuth auth;

    @BeforeEach
    void freshSandbox() {
        sandbox.reset();
        sandbox.clearFaults();
        sandbox.admin("PUT", "/sandbox/admin/salesforce/streaming/timeouts", "{\"timeoutMs\":1000,\"maxIntervalMs\":3000}");
        auth = new ClientCredentialsAuth(sandbox.baseUrl());
    }

    @AfterEach
    void stopSubscribers() {
        started.forEach(ChangeEventSubscriber::close);
        sandbox.clearFaults();
    }

    private ChangeEventSubscriber subscriber(ReplayIdStore store, RecordingListener listener, ReplayStart policy) {
        return subscriber(List.of(ACCOUNTS), store, listener, policy);
    }

    private ChangeEventSubscriber subscriber(List<String> channels, ReplayIdStore store, RecordingListener listener, ReplayStart policy) {
        SalesforceStreamingProperties settings = SalesforceStreamingProperties.defaults().withStartPolicy(policy)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1));
        ChangeEventSubscriber subscriber = new ChangeEventSubscriber(auth, settings, channels, store, listener, Clock.systemUTC());
        started.add(subscriber);
        subscriber.start();
        return subscriber;
    }

    /** Emits an Account UPDATE through the sandbox admin API and returns its replay id. */
    private long accountRenamed(String name) {
        String answer = sandbox.admin("POST", "/sandbox/admin/salesforce/streaming/events",
                "{\"entityName\":\"Account\",\"changeType\":\"UPDATE\",\"recordIds\":[\"001Sb00000AbCdEIAZ\"],\"fields\":{\"Name\":\"" + name + "\"}}");
        Matcher m = REPLAY_IDS.matcher(answer);
        assertThat(m.find()).as("admin answer %s", answer).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void delivers_events_in_commit_order_with_their_replay_ids() {
        RecordingListener listener = new RecordingListener(new InMemoryReplayIdStore());
        long first = accountRenamed("one");
        subscriber(new InMemoryReplayIdStore(), listener, ReplayStart.ALL_RETAINED);
        long second = accountRenamed("two");
        long third = accountRenamed("three");

        await().atMost(WAIT).until(() -> listener.events.size() >= 3);

        assertThat(listener.names()).containsExactly("one", "two", "three");
        assertThat(listener.events).extracting(ChangeEvent::replayId).containsExactly(first, second, third);
        ChangeEvent event = listener.events.getFirst();
        assertThat(event.channel()).isEqualTo(ACCOUNTS);
        assertThat(event.entityName()).isEqualTo("Account");
        assertThat(event.changeType()).isEqualTo("UPDATE");
        assertThat(event.recordIds()).containsExactly("001Sb00000AbCdEIAZ");
        assertThat(event.changedFields()).containsExactly("Name", "LastModifiedDate");
        assertThat(event.sequenceNumber()).isEqualTo(1);
        assertThat(event.commitTimestamp()).isNotNull();
        assertThat(event.schema()).isNotBlank();
    }

    @Test
    void restart_from_the_stored_replay_id_gets_exactly_the_missed_events() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        RecordingListener before = new RecordingListener(store);
        ChangeEventSubscriber first = subscriber(store, before, ReplayStart.ALL_RETAINED);
        accountRenamed("one");
        accountRenamed("two");
        await().atMost(WAIT).until(() -> before.events.size() >= 2);
        first.close();

        accountRenamed("three");
        accountRenamed("four");
        RecordingListener after = new RecordingListener(store);
        subscriber(store, after, ReplayStart.NEW_EVENTS);

        await().atMost(WAIT).until(() -> after.events.size() >= 2);
        assertThat(after.names()).containsExactly("three", "four");
    }

    @Test
    void expired_session_is_renewed_transparently_without_losing_events() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        RecordingListener listener = new RecordingListener(store);
        ChangeEventSubscriber subscriber = subscriber(store, listener, ReplayStart.ALL_RETAINED);
        accountRenamed("one");
        await().atMost(WAIT).until(() -> listener.events.size() >= 1);

        sandbox.admin("POST", "/sandbox/admin/salesforce/sessions/expire", null);
        accountRenamed("two");
        accountRenamed("three");

        await().atMost(WAIT).until(() -> listener.events.size() >= 3 && auth.renewals.get() >= 1);
        assertThat(listener.names()).containsExactly("one", "two", "three");
        assertThat(subscriber.health().handshakes()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void dropped_client_handshakes_again_and_resumes_from_the_stored_id() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        RecordingListener listener = new RecordingListener(store);
        ChangeEventSubscriber subscriber = subscriber(store, listener, ReplayStart.ALL_RETAINED);
        accountRenamed("one");
        await().atMost(WAIT).until(() -> listener.events.size() >= 1);

        sandbox.admin("POST", "/sandbox/admin/salesforce/streaming/clients/drop", null);
        accountRenamed("two");
        accountRenamed("three");

        await().atMost(WAIT).until(() -> listener.events.size() >= 3);
        assertThat(listener.names()).containsExactly("one", "two", "three");
        assertThat(subscriber.health().handshakes()).isEqualTo(2);
        assertThat(subscriber.health().lastError()).isEqualTo("403::Unknown client");
        assertThat(auth.renewals.get()).as("a forgotten client needs no new token").isZero();
    }

    @Test
    void invalid_stored_replay_id_is_reported_and_the_listener_chooses_the_recovery() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        store.save(ACCOUNTS, 42);
        accountRenamed("retained");
        RecordingListener listener = new RecordingListener(store, ChangeEventListener.Recovery.REPLAY_ALL_RETAINED);

        subscriber(store, listener, ReplayStart.NEW_EVENTS);

        await().atMost(WAIT).until(() -> !listener.invalidReplayIds.isEmpty() && !listener.events.isEmpty());
        InvalidReplayIdException invalid = listener.invalidReplayIds.getFirst();
        assertThat(invalid.channel()).isEqualTo(ACCOUNTS);
        assertThat(invalid.replayId()).isEqualTo(42);
        assertThat(invalid.code()).isEqualTo(400);
        assertThat(invalid.error()).startsWith("400::The replayId {42} you provided was invalid.");
        assertThat(listener.names()).containsExactly("retained");
    }

    @Test
    void expired_retention_makes_the_stored_id_invalid_and_new_events_only_skips_the_backlog() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        store.save(ACCOUNTS, accountRenamed("old"));
        accountRenamed("also old");
        sandbox.admin("POST", "/sandbox/admin/salesforce/streaming/events/expire", "{}");
        RecordingListener listener = new RecordingListener(store, ChangeEventListener.Recovery.NEW_EVENTS_ONLY);

        ChangeEventSubscriber subscriber = subscriber(store, listener, ReplayStart.ALL_RETAINED);
        await().atMost(WAIT).until(() -> !listener.invalidReplayIds.isEmpty() && subscriber.health().subscribed().contains(ACCOUNTS));
        accountRenamed("new");

        await().atMost(WAIT).until(() -> !listener.events.isEmpty());
        assertThat(listener.names()).as("the expired backlog is skipped").containsExactly("new");
    }

    @Test
    void refused_subscription_is_reported_as_a_typed_error_and_other_channels_keep_working() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        RecordingListener listener = new RecordingListener(store);
        subscriber(List.of("/data/WidgetChangeEvent", ACCOUNTS), store, listener, ReplayStart.ALL_RETAINED);
        accountRenamed("one");

        await().atMost(WAIT).until(() -> !listener.errors.isEmpty() && !listener.events.isEmpty());
        assertThat(listener.errors.getFirst()).isInstanceOfSatisfying(StreamingRejectedException.class, refused -> {
            assertThat(refused.code()).isEqualTo(400);
            assertThat(refused.bayeuxChannel()).isEqualTo("/meta/subscribe");
            assertThat(refused.error()).isEqualTo("400::The channel you requested to subscribe to doesn't exist {/data/WidgetChangeEvent}");
        });
        assertThat(listener.names()).containsExactly("one");
    }

    @Test
    void hanging_long_poll_times_out_and_the_subscriber_reconnects() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        RecordingListener listener = new RecordingListener(store);
        ChangeEventSubscriber subscriber = subscriber(store, listener, ReplayStart.ALL_RETAINED);
        accountRenamed("one");
        await().atMost(WAIT).until(() -> listener.events.size() >= 1);

        sandbox.fault("salesforce", "{\"failure\":\"hang\",\"hangMs\":8000,\"remaining\":1}");
        await().atMost(WAIT).until(() -> !sandbox.admin("GET", "/sandbox/admin/faults", null).contains("salesforce"));
        accountRenamed("two");

        await().atMost(WAIT).until(() -> listener.events.size() >= 2);
        assertThat(listener.names()).containsExactly("one", "two");
        assertThat(subscriber.health().lastError()).as("the lost poll was noticed").isNotNull();
        await().atMost(WAIT).until(() -> subscriber.health().connected());
    }

    @Test
    void dropped_connection_is_retried_without_losing_events() {
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        RecordingListener listener = new RecordingListener(store);
        ChangeEventSubscriber subscriber = subscriber(store, listener, ReplayStart.ALL_RETAINED);
        accountRenamed("one");
        await().atMost(WAIT).until(() -> listener.events.size() >= 1);

        sandbox.fault("salesforce", "{\"failure\":\"drop\",\"remaining\":2}");
        await().atMost(WAIT).until(() -> !sandbox.admin("GET", "/sandbox/admin/faults", null).contains("salesforce"));
        accountRenamed("two");

        await().atMost(WAIT).until(() -> listener.events.size() >= 2);
        assertThat(listener.names()).containsExactly("one", "two");
        assertThat(subscriber.health().lastError()).as("the dropped answer was noticed").isNotNull();
    }

    @Test
    void a_replayed_backlog_larger_than_the_message_limit_fails_the_connect_but_loses_nothing_and_the_default_limit_takes_it() {
        String load = sandbox.admin("POST", "/sandbox/admin/salesforce/streaming/events/load", "{\"entityName\":\"Account\",\"count\":1500}");
        assertThat(load).contains("\"count\":1500");

        // the replayed backlog (about 1 MB) comes in /meta/connect answers larger than a 256 KiB limit (CometD's default: 1 MiB)
        InMemoryReplayIdStore store = new InMemoryReplayIdStore();
        RecordingListener refused = new RecordingListener(store);
        SalesforceStreamingProperties tight = SalesforceStreamingProperties.defaults().withStartPolicy(ReplayStart.ALL_RETAINED)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1))
                .withMaxMessageSize(org.springframework.util.unit.DataSize.ofKilobytes(256));
        ChangeEventSubscriber limited = new ChangeEventSubscriber(auth, tight, List.of(ACCOUNTS), store, refused, Clock.systemUTC());
        started.add(limited);
        limited.start();
        await().atMost(WAIT).until(() -> limited.health().handshakes() >= 3);
        assertThat(limited.health().lastError()).as("the oversized answer was noticed").startsWith("connect:").contains("262144");
        limited.close();
        assertThat(refused.events.size()).as("the oversized answer was not delivered").isLessThan(1500);

        // the default limit (16 MiB) continues from the stored replay id: every event exactly once, in order
        RecordingListener listener = new RecordingListener(store);
        subscriber(store, listener, ReplayStart.ALL_RETAINED);
        await().atMost(WAIT).until(() -> refused.events.size() + listener.events.size() >= 1500);
        List<Long> all = new ArrayList<>();
        refused.events.forEach(e -> all.add(e.replayId()));
        listener.events.forEach(e -> all.add(e.replayId()));
        assertThat(all).hasSize(1500).doesNotHaveDuplicates().isSorted();
    }
}
