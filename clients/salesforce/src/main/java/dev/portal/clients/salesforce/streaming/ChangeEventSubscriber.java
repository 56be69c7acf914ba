package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.salesforce.SalesforceAuth;
import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.ExternalSystemException;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscribes to Change Data Capture channels over CometD (Bayeux long-polling) the way EMP-Connector does, and
 * hands each event to a {@link ChangeEventListener}.
 *
 * <ul>
 *   <li>Every request carries {@code Authorization: Bearer <token>} from {@link SalesforceAuth}.</li>
 *   <li>Replay: {@code ext.replay=true} on the handshake; when the reply confirms it, every subscribe carries the
 *       map channel -> replay id: the id in the {@link ReplayIdStore}, else the last id delivered by this
 *       subscriber, else the start policy (-1 or -2).</li>
 *   <li>A 401 (token expired or revoked) renews the token and then handshakes and subscribes again from the
 *       stored ids; so does a 403 ({@code 403::Unknown client} after the server dropped the client). Nothing
 *       retained is lost.</li>
 *   <li>A lost, cut, oversized or timed-out long poll starts a new handshake (with back-off) that subscribes again
 *       from the stored ids: its answer may have carried events the server will not send again to that client.</li>
 *   <li>A refused replay id is reported as an {@link InvalidReplayIdException}; the listener picks the recovery.</li>
 * </ul>
 */
public final class ChangeEventSubscriber implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeEventSubscriber.class);

    private final SalesforceAuth auth;
    private final SalesforceStreamingProperties settings;
    private final List<String> channels;
    private final ReplayIdStore store;
    private final ChangeEventListener listener;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final Clock clock;
    private final ScheduledExecutorService supervisor;
    private final ScheduledExecutorService bayeuxScheduler;

    private final Map<String, Long> lastDelivered = new ConcurrentHashMap<>();
    private final Map<String, Long> recoveries = new ConcurrentHashMap<>();
    private final Map<String, Long> refused = new ConcurrentHashMap<>();
    private final Map<String, Long> requested = new ConcurrentHashMap<>();
    private final AtomicLong handshakes = new AtomicLong();
    private final java.util.Set<String> subscribed = ConcurrentHashMap.newKeySet();

    private volatile boolean running;
    private volatile int generation;
    private volatile BayeuxClient client;
    private volatile SalesforceAuth.Session session;
    private volatile boolean replayEnabled;
    private volatile boolean connected;
    private volatile Instant lastConnectAt;
    private volatile Instant lastEventAt;
    private volatile String lastError;
    // supervisor thread only
    private int restartAttempts;
    private int restartRequestedFor = -1;

    /** A subscriber with its own HTTP client (stopped on {@link #close()}). */
    public ChangeEventSubscriber(SalesforceAuth auth, SalesforceStreamingProperties settings, List<String> channels,
                                 ReplayIdStore store, ChangeEventListener listener, Clock clock) {
        this(auth, settings, channels, store, listener, null, clock);
    }

    /** A subscriber on a shared, started Jetty HTTP client (left running on {@link #close()}). */
    public ChangeEventSubscriber(SalesforceAuth auth, SalesforceStreamingProperties settings, List<String> channels,
                                 ReplayIdStore store, ChangeEventListener listener, HttpClient http, Clock clock) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("subscribe to at least one channel");
        }
        this.auth = Objects.requireNonNull(auth);
        this.settings = Objects.requireNonNull(settings);
        this.channels = List.copyOf(channels);
        this.store = Objects.requireNonNull(store);
        this.listener = Objects.requireNonNull(listener);
        this.clock = clock;
        this.ownsHttp = http == null;
        this.http = http != null ? http : newHttpClient(settings);
        this.supervisor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sf-streaming-supervisor").factory());
        this.bayeuxScheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sf-streaming-scheduler").factory());
    }

    /** A Jetty HTTP client with the settings' connect and idle timeouts, started. */
    public static HttpClient newHttpClient(SalesforceStreamingProperties settings) {
        HttpClient http = new HttpClient();
        http.setName("salesforce-streaming");
        http.setConnectTimeout(settings.connectTimeout().toMillis());
        http.setIdleTimeout(settings.idleTimeout().toMillis());
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the streaming HTTP client", e);
        }
        return http;
    }

    /** Handshakes and subscribes in the background; failures are retried and reported to the listener. */
    public void start() {
        running = true;
        supervisor.execute(() -> connect(false));
    }

    /** Disconnects and stops; events are no longer delivered. */
    @Override
    public void close() {
        running = false;
        try {
            supervisor.submit(() -> {
                generation++;
                BayeuxClient old = client;
                client = null;
                if (old != null) {
                    old.disconnect(1000);
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("streaming disconnect did not finish cleanly", e);
        }
        connected = false;
        supervisor.shutdownNow();
        bayeuxScheduler.shutdownNow();
        if (ownsHttp) {
            try {
                http.stop();
            } catch (Exception e) {
                log.debug("streaming HTTP client did not stop cleanly", e);
            }
        }
    }

    /** The subscriber's state, for health indicators. */
    public StreamingHealth health() {
        return new StreamingHealth(running && connected, lastConnectAt, lastEventAt, handshakes.get(), lastError, subscribed);
    }

    // ---- lifecycle, on the supervisor thread ----

    private void connect(boolean renew) {
        if (!running) {
            return;
        }
        int gen = ++generation;
        replayEnabled = false;
        subscribed.clear();
        BayeuxClient old = client;
        client = null;
        connected = false;
        if (old != null) {
            old.abort();
        }
        SalesforceAuth.Session current;
        try {
            current = renew && session != null ? auth.renew(session) : auth.current();
            session = current;
        } catch (RuntimeException e) {
            lastError = "token: " + e.getMessage();
            log.warn("Salesforce streaming cannot get a token: {}", e.toString());
            report(e instanceof ExternalSystemException ese ? ese
                    : new ExternalAuthenticationException("salesforce", "streaming token", 0, e.toString()));
            requestRestart(gen, renew);
            return;
        }
        String base = current.instanceUrl().toString().replaceAll("/+$", "");
        String authorization = "Bearer " + current.accessToken();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, settings.maxNetworkDelay().toMillis());
        options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, (int) settings.maxMessageSize().toBytes());
        JettyHttpClientTransport transport = new JettyHttpClientTransport(options, http) {
            @Override
            protected void customize(Request request) {
                request.headers(headers -> headers.put(HttpHeader.AUTHORIZATION, authorization));
            }
        };
        BayeuxClient bayeux = new BayeuxClient(base + "/cometd/" + settings.apiVersion(), bayeuxScheduler, transport);
        bayeux.setBackOffStrategy(new BayeuxClient.BackOffStrategy.Linear(settings.backoffIncrement().toMillis(),
                settings.maxBackoff().toMillis()));
        bayeux.addExtension(new ReplayExtension());
        bayeux.getChannel(Channel.META_HANDSHAKE).addListener((ClientSessionChannel.MessageListener) (c, m) -> onHandshake(gen, bayeux, m));
        bayeux.getChannel(Channel.META_CONNECT).addListener((ClientSessionChannel.MessageListener) (c, m) -> onConnect(gen, m));
        client = bayeux;
        handshakes.incrementAndGet();
        log.info("Salesforce streaming handshake #{} with {} for {}", handshakes.get(), bayeux.getURL(), channels);
        bayeux.handshake();
    }

    /** Starts over (new client, handshake, subscriptions from the stored ids) once per failed generation, with back-off. */
    private void requestRestart(int gen, boolean renew) {
        supervisor.execute(() -> {
            if (!running || gen != generation || restartRequestedFor == gen) {
                return;
            }
            restartRequestedFor = gen;
            long delay = Math.min(settings.maxBackoff().toMillis(), settings.backoffIncrement().toMillis() * restartAttempts);
            restartAttempts++;
            supervisor.schedule(() -> connect(renew), delay, TimeUnit.MILLISECONDS);
        });
    }

    // ---- Bayeux callbacks, on the client's threads ----

    private void onHandshake(int gen, BayeuxClient bayeux, Message reply) {
        if (gen != generation) {
            return;
        }
        if (reply.isSuccessful()) {
            for (String channel : channels) {
                subscribe(gen, bayeux, channel);
            }
            return;
        }
        String error = error(reply);
        if (error == null) {
            lastError = "handshake: " + failure(reply);
            return; // transport failure: CometD handshakes again after its back-off
        }
        lastError = error;
        log.warn("Salesforce streaming handshake refused: {}", error);
        if (!authFailure(error)) {
            report(new StreamingRejectedException(Channel.META_HANDSHAKE, error));
        }
        requestRestart(gen, renewFor(error));
    }

    private void onConnect(int gen, Message reply) {
        if (gen != generation) {
            return;
        }
        if (reply.isSuccessful()) {
            if (!connected) {
                log.info("Salesforce streaming connected to {}", channels);
            }
            connected = true;
            lastConnectAt = clock.instant();
            supervisor.execute(() -> restartAttempts = 0);
            return;
        }
        connected = false;
        String error = error(reply);
        if (error == null) {
            // The server may have written events into the answer that failed (too large, cut, timed out): it counts
            // them as delivered, and a plain reconnect of the same client would continue after them. A new handshake
            // subscribes again from the stored replay ids, so they come again (duplicates, never a silent gap).
            lastError = "connect: " + failure(reply);
            log.info("Salesforce streaming connection lost ({}); handshaking again from the stored replay ids", lastError);
            requestRestart(gen, false);
            return;
        }
        lastError = error;
        log.info("Salesforce streaming connect refused ({}); handshaking again", error);
        requestRestart(gen, renewFor(error));
    }

    private void subscribe(int gen, BayeuxClient bayeux, String channel) {
        bayeux.getChannel(channel).subscribe((c, message) -> onEvent(gen, channel, message), reply -> onSubscribe(gen, bayeux, channel, reply));
    }

    private void onSubscribe(int gen, BayeuxClient bayeux, String channel, Message reply) {
        if (gen != generation) {
            return;
        }
        if (reply.isSuccessful()) {
            subscribed.add(channel);
            return;
        }
        String error = error(reply);
        if (error == null) {
            lastError = "subscribe: " + failure(reply);
            requestRestart(gen, false);
            return;
        }
        lastError = error;
        if (authFailure(error)) {
            requestRestart(gen, renewFor(error));
            return;
        }
        Long asked = requested.get(channel);
        if (error.startsWith("400::The replayId") && asked != null) {
            InvalidReplayIdException invalid = new InvalidReplayIdException(channel, asked, error);
            refused.put(channel, asked);
            ChangeEventListener.Recovery recovery = listener.onInvalidReplayId(invalid);
            log.warn("Salesforce streaming replay id {} refused on {}; recovery {}", asked, channel, recovery);
            switch (recovery == null ? ChangeEventListener.Recovery.STAY_UNSUBSCRIBED : recovery) {
                case REPLAY_ALL_RETAINED -> resubscribe(gen, bayeux, channel, ReplayStart.ALL_RETAINED);
                case NEW_EVENTS_ONLY -> resubscribe(gen, bayeux, channel, ReplayStart.NEW_EVENTS);
                case STAY_UNSUBSCRIBED -> { }
            }
            return;
        }
        log.warn("Salesforce streaming subscription to {} refused: {}", channel, error);
        report(new StreamingRejectedException(Channel.META_SUBSCRIBE, error));
    }

    private void resubscribe(int gen, BayeuxClient bayeux, String channel, ReplayStart from) {
        recoveries.put(channel, from.replayId());
        lastDelivered.remove(channel);
        subscribe(gen, bayeux, channel);
    }

    private void onEvent(int gen, String channel, Message message) {
        if (gen != generation) {
            return;
        }
        ChangeEvent event;
        try {
            event = ChangeEvent.of(channel, message.getDataAsMap());
        } catch (ExternalResponseException e) {
            report(e);
            return;
        }
        try {
            listener.onEvent(event);
            lastDelivered.put(channel, event.replayId());
            lastEventAt = clock.instant();
        } catch (RuntimeException e) {
            log.warn("Change event listener failed on {} replayId={}: {}", channel, event.replayId(), e.toString());
        }
    }

    /** The replay id to subscribe {@code channel} from: stored, else delivered here, else recovery, else start policy. */
    long replayIdFor(String channel) {
        OptionalLong stored = store.load(channel);
        if (stored.isPresent() && !Objects.equals(refused.get(channel), stored.getAsLong())) {
            return stored.getAsLong();
        }
        Long delivered = lastDelivered.get(channel);
        if (delivered != null) {
            return delivered;
        }
        Long recovery = recoveries.get(channel);
        return recovery != null ? recovery : settings.startPolicy().replayId();
    }

    private void report(ExternalSystemException failure) {
        try {
            listener.onError(failure);
        } catch (RuntimeException e) {
            log.warn("Change event listener failed on an error report: {}", e.toString());
        }
    }

    private static String error(Message reply) {
        Object error = reply.get(Message.ERROR_FIELD);
        return error == null ? null : error.toString();
    }

    private static String failure(Message reply) {
        Object failure = reply.get("failure");
        if (failure instanceof Map<?, ?> map && map.get("exception") instanceof Throwable t) {
            return t.toString();
        }
        return String.valueOf(failure);
    }

    /** EMP-Connector's rule: any 401 or 403 means authenticate again and start over. */
    static boolean authFailure(String error) {
        return error.startsWith("401::") || error.startsWith("403::");
    }

    /** A new token is needed unless the server merely forgot the client. */
    static boolean renewFor(String error) {
        return error.startsWith("401::") || error.startsWith("403::Handshake denied");
    }

    /** Salesforce's replay extension, and no automatic re-handshake by CometD on 401/403 (the supervisor does it). */
    private final class ReplayExtension implements ClientSession.Extension {

        @Override
        public boolean sendMeta(ClientSession session, Message.Mutable message) {
            if (Channel.META_HANDSHAKE.equals(message.getChannel())) {
                message.getExt(true).put("replay", true);
            } else if (Channel.META_SUBSCRIBE.equals(message.getChannel()) && replayEnabled) {
                Map<String, Object> replay = new LinkedHashMap<>();
                for (String channel : channels) {
                    replay.put(channel, replayIdFor(channel));
                }
                Object subscription = message.get(Message.SUBSCRIPTION_FIELD);
                if (subscription != null && replay.get(subscription.toString()) instanceof Long id) {
                    requested.put(subscription.toString(), id);
                }
                message.getExt(true).put("replay", replay);
            }
            return true;
        }

        @Override
        public boolean rcvMeta(ClientSession session, Message.Mutable message) {
            if (Channel.META_HANDSHAKE.equals(message.getChannel()) && message.isSuccessful()) {
                Map<String, Object> ext = message.getExt();
                replayEnabled = ext != null && Boolean.TRUE.equals(ext.get("replay"));
            }
            if (message.get(Message.ERROR_FIELD) instanceof String error && authFailure(error)) {
                message.getAdvice(true).put(Message.RECONNECT_FIELD, Message.RECONNECT_NONE_VALUE);
            }
            return true;
        }
    }
}
