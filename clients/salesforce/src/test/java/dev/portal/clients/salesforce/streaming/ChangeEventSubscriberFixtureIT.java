package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.salesforce.SalesforceAuth;
import dev.portal.platform.test.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber against recorded Salesforce answers (the fact sheet's handshake replies) and broken ones: an
 * HTML error page or truncated JSON is a lost request that is retried, never an exception in the caller; a denied
 * handshake renews the token; replay is asked for only when the handshake reply offers it.
 */
class ChangeEventSubscriberFixtureIT {

    /** CometD clients append the message type to the URL of a single meta message. */
    private static final String HANDSHAKE = "/cometd/62.0/handshake";
    private static final String CONNECT = "/cometd/62.0/connect";
    private static final String SUBSCRIBE = "/cometd/62.0/subscribe";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final FixtureServer fixtures = FixtureServer.start();
    private final NumberedTokens auth = new NumberedTokens(fixtures.baseUrl());
    private final RecordingListener listener = new RecordingListener(new InMemoryReplayIdStore());
    private ChangeEventSubscriber subscriber;

    /** Tokens {@code token-1}, {@code token-2}, ... for the fixture server's address. */
    static final class NumberedTokens implements SalesforceAuth {
        private final URI instance;
        final AtomicInteger issued = new AtomicInteger(1);

        NumberedTokens(URI instance) {
            this.instance = instance;
        }

        @Override
        public Session current() {
            return new Session("token-" + issued.get(), instance);
        }

        @Override
        public Session renew(Session stale) {
            return new Session("token-" + issued.incrementAndGet(), instance);
        }
    }

    @AfterEach
    void stop() {
        if (subscriber != null) {
            subscriber.close();
        }
        fixtures.close();
    }

    private void start(ReplayStart policy) {
        SalesforceStreamingProperties settings = SalesforceStreamingProperties.defaults().withStartPolicy(policy)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(300));
        subscriber = new ChangeEventSubscriber(auth, settings, List.of("/data/AccountChangeEvent"), new InMemoryReplayIdStore(), listener, Clock.systemUTC());
        subscriber.start();
    }

    private static FixtureServer.Body recorded(String name) {
        return FixtureServer.resource(200, "application/json", "fixtures/salesforce/streaming/" + name);
    }

    private static FixtureServer.Reply heldConnect() {
        return FixtureServer.delayed(Duration.ofMillis(300), recorded("connect.json"));
    }

    private List<String> bodies() {
        return fixtures.requests().stream().map(FixtureServer.Recorded::bodyText).toList();
    }

    private List<FixtureServer.Recorded> handshakes() {
        return fixtures.requests().stream().filter(r -> r.path().equals(HANDSHAKE)).toList();
    }

    private void serveConnectAndSubscribe() {
        fixtures.on("POST", CONNECT, heldConnect());
        fixtures.on("POST", SUBSCRIBE, FixtureServer.json(200,
                "[{\"channel\":\"/meta/subscribe\",\"successful\":true,\"subscription\":\"/data/AccountChangeEvent\"}]"));
    }

    @Test
    void html_error_page_is_a_lost_handshake_that_is_retried() {
        fixtures.on("POST", HANDSHAKE, FixtureServer.html(503, "<html><body><h1>503 Service Unavailable</h1></body></html>"));

        start(ReplayStart.NEW_EVENTS);

        await().atMost(WAIT).until(() -> handshakes().size() >= 3);
        assertThat(subscriber.health().connected()).isFalse();
        assertThat(subscriber.health().lastError()).startsWith("handshake:");
        assertThat(listener.events).isEmpty();
    }

    @Test
    void truncated_json_is_a_lost_handshake_that_is_retried() {
        fixtures.on("POST", HANDSHAKE, FixtureServer.truncated(200, "[{\"channel\":\"/meta/handshake\",\"successful\":tr", 400));

        start(ReplayStart.NEW_EVENTS);

        await().atMost(WAIT).until(() -> handshakes().size() >= 3);
        assertThat(subscriber.health().connected()).isFalse();
        assertThat(subscriber.health().lastError()).startsWith("handshake:");
    }

    @Test
    void denied_handshake_renews_the_token_before_the_next_handshake() {
        fixtures.on("POST", HANDSHAKE, recorded("handshake-denied.json"), recorded("handshake-with-replay.json"));
        serveConnectAndSubscribe();

        start(ReplayStart.NEW_EVENTS);

        await().atMost(WAIT).until(() -> handshakes().size() >= 2);
        assertThat(handshakes().get(0).header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(handshakes().get(1).header("Authorization")).isEqualTo("Bearer token-2");
        assertThat(subscriber.health().handshakes()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void handshake_asks_for_replay_and_subscribe_sends_the_channel_map_when_offered() {
        fixtures.on("POST", HANDSHAKE, recorded("handshake-with-replay.json"));
        serveConnectAndSubscribe();

        start(ReplayStart.ALL_RETAINED);

        await().atMost(WAIT).until(() -> bodies().stream().anyMatch(b -> b.contains("/meta/subscribe")));
        assertThat(bodies().getFirst()).contains("\"ext\":{\"replay\":true}");
        String subscribe = bodies().stream().filter(b -> b.contains("/meta/subscribe")).findFirst().orElseThrow();
        assertThat(subscribe).contains("\"replay\":{\"/data/AccountChangeEvent\":-2}");
    }

    @Test
    void subscribe_carries_no_replay_map_when_the_handshake_reply_does_not_offer_replay() {
        fixtures.on("POST", HANDSHAKE, recorded("handshake-without-replay.json"));
        serveConnectAndSubscribe();

        start(ReplayStart.ALL_RETAINED);

        await().atMost(WAIT).until(() -> bodies().stream().anyMatch(b -> b.contains("/meta/subscribe")));
        String subscribe = bodies().stream().filter(b -> b.contains("/meta/subscribe")).findFirst().orElseThrow();
        assertThat(subscribe).doesNotContain("replay");
    }
}
