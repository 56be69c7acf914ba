package dev.portal.sandbox.salesforce.streaming;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import dev.portal.sandbox.salesforce.SalesforceRecordChange;
import dev.portal.sandbox.salesforce.SalesforceRecordsChanged;
import dev.portal.sandbox.salesforce.oauth.SalesforceSessions;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerMessageImpl;
import org.cometd.server.ServerSessionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Change Data Capture over the Bayeux server: turns every {@link SalesforceRecordsChanged} into change events with replay
 * ids, keeps them for the retention period, replays them to subscribers ({@code ext.replay}: -1 new only, -2 all
 * retained, N after N) and answers refusals with Salesforce's Bayeux error strings. Authentication is checked on
 * every message with the OAuth simulator's sessions.
 *
 * <p>Events are delivered to each subscribed client directly (not by channel broadcast) under one lock, so the
 * replayed backlog and live events reach a new subscriber in replay order, without gaps or duplicates.
 */
@Component
class SalesforceChangeEventStreams implements SeededState {

    static final String ALL_CHANGES = "/data/ChangeEvents";
    private static final String REPLAY_ENABLED = "sandbox.replay";
    private static final String DROPPED = "sandbox.dropped";
    private static final Pattern VERSION = Pattern.compile("/cometd/(\\d+\\.\\d+)(/[a-z]*)?/?$");
    private static final Logger log = LoggerFactory.getLogger(SalesforceChangeEventStreams.class);

    private final BayeuxServerImpl bayeux;
    private final SalesforceSessions sessions;
    private final SalesforceStreamingSettings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final SalesforceChangeEventStore store = new SalesforceChangeEventStore(new Random(), 4_000_000L, 10_960_279_145_000L);
    /** client id -> channels it is subscribed to here (guarded by {@link #lock}). */
    private final Map<String, Set<String>> subscribers = new ConcurrentHashMap<>();
    private final Set<String> channels;

    SalesforceChangeEventStreams(BayeuxServerImpl bayeux, SalesforceSessions sessions, SalesforceStreamingSettings settings, Clock clock) {
        this.bayeux = bayeux;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
        Set<String> names = new LinkedHashSet<>();
        names.add(ALL_CHANGES);
        settings.entities().forEach(entity -> names.add(channelOf(entity)));
        this.channels = Set.copyOf(names);
        channels.forEach(name -> bayeux.createChannelIfAbsent(name, c -> c.setPersistent(true)));
        bayeux.addExtension(new SalesforceProtocol());
        bayeux.addListener(new Subscriptions());
    }

    static String channelOf(String entityName) {
        return "/data/" + entityName + "ChangeEvent";
    }

    @Override
    public String system() {
        return SandboxSystems.SALESFORCE;
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            store.clear();
            timeouts(settings.timeout(), settings.maxInterval());
            dropAllClients();
            subscribers.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Stores and delivers the change events of one committed transaction. */
    @EventListener
    void on(SalesforceRecordsChanged transaction) {
        lock.lock();
        try {
            Instant now = clock.instant();
            store.expireUpTo(now.minus(settings.retention()));
            long commitNumber = store.nextCommitNumber();
            int sequence = 0;
            for (SalesforceRecordChange change : transaction.changes()) {
                sequence++;
                if (!channels.contains(channelOf(change.entityName()))) {
                    continue;
                }
                long replayId = store.nextReplayId();
                SalesforceChangeEventStore.StoredEvent event = new SalesforceChangeEventStore.StoredEvent(replayId, change.entityName(),
                        transaction.transactionKey(), now, eventData(change, transaction.transactionKey(), sequence, now, commitNumber, replayId));
                store.append(event);
                subscribers.forEach((clientId, subscribed) -> deliver(clientId, subscribed, event));
                log.info("change event {} {} {} replayId={}", change.entityName(), change.changeType(), change.recordIds(), replayId);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes how long a connect is held and how soon a silent client is dropped, for new connects; tests use
     * short values on the shared in-process sandbox. A reset restores the configured values.
     */
    void timeouts(java.time.Duration timeout, java.time.Duration maxInterval) {
        for (org.cometd.bayeux.server.ServerTransport transport : bayeux.getTransports()) {
            if (transport instanceof org.cometd.server.AbstractServerTransport t) {
                t.setTimeout(timeout.toMillis());
                t.setMaxInterval(maxInterval.toMillis());
            }
        }
    }

    /** Replay ids of the events stored for one transaction (for the admin API). */
    List<Long> replayIdsOf(String transactionKey) {
        lock.lock();
        try {
            return store.ofTransaction(transactionKey).stream().map(SalesforceChangeEventStore.StoredEvent::replayId).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets events committed at or before {@code cutoff}: their replay ids become invalid. */
    int expireUpTo(Instant cutoff) {
        lock.lock();
        try {
            return store.expireUpTo(cutoff);
        } finally {
            lock.unlock();
        }
    }

    int retained() {
        lock.lock();
        try {
            return store.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets every connected client, as a Salesforce server restart would: a held {@code /meta/connect} is
     * answered now, and the client's next message gets {@code 403::Unknown client}.
     */
    int dropAllClients() {
        lock.lock();
        try {
            List<ServerSession> clients = bayeux.getSessions().stream()
                    .filter(s -> !s.isLocalSession() && s.getAttribute(DROPPED) == null).toList();
            for (ServerSession client : clients) {
                client.setAttribute(DROPPED, Boolean.TRUE);
                subscribers.remove(client.getId());
                ((ServerSessionImpl) client).flush();
            }
            return clients.size();
        } finally {
            lock.unlock();
        }
    }

    private void deliver(String clientId, Set<String> subscribed, SalesforceChangeEventStore.StoredEvent event) {
        ServerSession client = bayeux.getSession(clientId);
        if (client == null) {
            subscribers.remove(clientId);
            return;
        }
        String entityChannel = channelOf(event.entityName());
        if (subscribed.contains(entityChannel)) {
            client.deliver(null, entityChannel, event.data(), Promise.noop());
        }
        if (subscribed.contains(ALL_CHANGES)) {
            client.deliver(null, ALL_CHANGES, event.data(), Promise.noop());
        }
    }

    private Map<String, Object> eventData(SalesforceRecordChange change, String transactionKey, int sequence, Instant now,
                                          long commitNumber, long replayId) {
        boolean gap = change.changeType().startsWith("GAP_");
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("entityName", change.entityName());
        header.put("recordIds", new ArrayList<>(change.recordIds()));
        header.put("changeType", change.changeType());
        header.put("changeOrigin", change.changeOrigin() == null ? "" : change.changeOrigin());
        header.put("transactionKey", transactionKey);
        header.put("sequenceNumber", sequence);
        header.put("commitTimestamp", now.toEpochMilli());
        header.put("commitNumber", commitNumber);
        header.put("commitUser", change.commitUser() == null ? SalesforceSessions.USER_ID : change.commitUser());
        header.put("changedFields", "UPDATE".equals(change.changeType()) ? new ArrayList<>(change.changedFields()) : new ArrayList<>());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ChangeEventHeader", header);
        if (!gap && !"DELETE".equals(change.changeType())) {
            change.fields().forEach((name, value) -> payload.put(name, jsonValue(value)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("schema", schemaId(change.entityName()));
        data.put("payload", payload);
        data.put("event", new LinkedHashMap<>(Map.of("replayId", replayId)));
        return data;
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), jsonValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SalesforceChangeEventStreams::jsonValue).toList();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }

    /** An opaque, stable schema id per object, shaped like Salesforce's (22 base64url characters). */
    static String schemaId(String entityName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("schema:" + entityName).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The refusal for a subscription, or empty when it may go ahead. */
    private Optional<String> checkSubscription(ServerSession client, ServerMessage message) {
        for (String channel : subscriptionsOf(message)) {
            if (!channel.startsWith("/")) {
                return Optional.of("400::Channel subscriptions must start with a leading '/'");
            }
            if (!channels.contains(channel)) {
                return Optional.of("400::The channel you requested to subscribe to doesn't exist {" + channel + "}");
            }
            Long replayId = replayIdOf(client, message, channel);
            if (replayId != null && replayId != -1 && replayId != -2) {
                lock.lock();
                try {
                    store.expireUpTo(clock.instant().minus(settings.retention()));
                    if (replayId < 0 || !store.retains(replayId)) {
                        return Optional.of("400::The replayId {" + replayId + "} you provided was invalid. Please provide a valid ID, "
                                + "-2 to replay all events, or -1 to replay only new events.");
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> subscriptionsOf(ServerMessage message) {
        Object subscription = message.get(ServerMessage.SUBSCRIPTION_FIELD);
        if (subscription instanceof String s) {
            return List.of(s);
        }
        if (subscription instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(String::valueOf).toList();
        }
        if (subscription instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** The replay id a subscribe asks for on {@code channel}; null (new events only) without replay. */
    private static Long replayIdOf(ServerSession client, ServerMessage message, String channel) {
        if (client == null || !Boolean.TRUE.equals(client.getAttribute(REPLAY_ENABLED))) {
            return null;
        }
        Map<String, Object> ext = message.getExt();
        if (ext != null && ext.get("replay") instanceof Map<?, ?> replay && replay.get(channel) instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    private Optional<String> versionError(BayeuxContext context) {
        String url = context == null ? null : context.getURL();
        Matcher m = url == null ? null : VERSION.matcher(url.split("\\?", 2)[0]);
        if (m == null || !m.find()) {
            return Optional.of("400::API version in the URI is mandatory. URI format: '/cometd/62.0'");
        }
        double version = Double.parseDouble(m.group(1));
        if (version < settings.minimumApiVersion()) {
            return Optional.of("400::API version " + m.group(1) + " is not supported. The minimum API version is "
                    + settings.minimumApiVersion() + ".");
        }
        return Optional.empty();
    }

    /** Salesforce's checks and error strings on top of the Bayeux protocol. */
    private final class SalesforceProtocol implements BayeuxServer.Extension {

        @Override
        public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
            // clients of the Streaming API only subscribe; publishing is refused like an unknown channel
            ServerMessage.Mutable reply = message.getAssociated();
            if (reply != null) {
                refuse(reply, "403::Publishing is not supported on " + message.getChannel(), null);
            }
            return false;
        }

        @Override
        public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
            ServerMessage.Mutable reply = message.getAssociated();
            String channel = message.getChannel();
            boolean handshake = ServerChannel.META_HANDSHAKE.equals(channel);
            Optional<String> badVersion = versionError(message.getBayeuxContext());
            if (badVersion.isPresent()) {
                return refuse(reply, badVersion.get(), "none");
            }
            String authorization = message.getBayeuxContext().getHeader("Authorization");
            if (authorization == null || authorization.isBlank()) {
                return refuse(reply, "401::Request requires authentication", "none");
            }
            if (sessions.authenticate(authorization).isEmpty()) {
                if (handshake) {
                    reply.getExt(true).put("sfdc", new LinkedHashMap<>(Map.of("failureReason", "401::Authentication invalid")));
                    return refuse(reply, "403::Handshake denied", "none");
                }
                return refuse(reply, "401::Authentication invalid", "none");
            }
            if (handshake) {
                Map<String, Object> ext = message.getExt();
                if (from != null) {
                    from.setAttribute(REPLAY_ENABLED, ext != null && Boolean.TRUE.equals(ext.get("replay")));
                }
                return true;
            }
            if (from != null && from.getAttribute(DROPPED) != null) {
                bayeux.removeSession(from);
                refuse(reply, "403::Unknown client", "handshake");
                reply.getAdvice(true).put("interval", 0L);
                return false;
            }
            if (ServerChannel.META_SUBSCRIBE.equals(channel)) {
                Optional<String> refusal = checkSubscription(from, message);
                if (refusal.isPresent()) {
                    reply.put(ServerMessage.SUBSCRIPTION_FIELD, message.get(ServerMessage.SUBSCRIPTION_FIELD));
                    return refuse(reply, refusal.get(), null);
                }
            }
            return true;
        }

        @Override
        public boolean sendMeta(ServerSession to, ServerMessage.Mutable reply) {
            Object error = reply.get(ServerMessage.ERROR_FIELD);
            if ("402::session_unknown".equals(error)) {
                reply.put(ServerMessage.ERROR_FIELD, "403::Unknown client");
            } else if ("403::handshake_denied".equals(error)) {
                reply.put(ServerMessage.ERROR_FIELD, "403::Handshake denied");
            }
            if (ServerChannel.META_HANDSHAKE.equals(reply.getChannel())) {
                Map<String, Object> ext = reply.getExt(true);
                ext.put("replay", true);
                ext.put("payload.format", true);
            }
            return true;
        }

        private static boolean refuse(ServerMessage.Mutable reply, String error, String reconnect) {
            reply.put(ServerMessage.ERROR_FIELD, error);
            reply.setSuccessful(false);
            if (reconnect != null) {
                reply.getAdvice(true).put("reconnect", reconnect);
            }
            if (reply instanceof ServerMessageImpl impl) {
                impl.setHandled(true);
            }
            return false;
        }
    }

    /** Registers accepted subscriptions and sends the replayed backlog, under the delivery lock. */
    private final class Subscriptions implements BayeuxServer.SubscriptionListener, BayeuxServer.SessionListener {

        @Override
        public void subscribed(ServerSession client, ServerChannel channel, ServerMessage message) {
            String name = channel.getId();
            if (!channels.contains(name) || client.isLocalSession()) {
                return;
            }
            lock.lock();
            try {
                Long replayId = message == null ? null : replayIdOf(client, message, name);
                subscribers.computeIfAbsent(client.getId(), id -> ConcurrentHashMap.newKeySet()).add(name);
                if (replayId != null && replayId != -1) {
                    for (SalesforceChangeEventStore.StoredEvent event : store.after(replayId)) {
                        if (ALL_CHANGES.equals(name) || channelOf(event.entityName()).equals(name)) {
                            client.deliver(null, name, event.data(), Promise.noop());
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void unsubscribed(ServerSession client, ServerChannel channel, ServerMessage message) {
            lock.lock();
            try {
                Set<String> subscribed = subscribers.get(client.getId());
                if (subscribed != null) {
                    subscribed.remove(channel.getId());
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void sessionRemoved(ServerSession client, ServerMessage message, boolean timeout) {
            lock.lock();
            try {
                subscribers.remove(client.getId());
            } finally {
                lock.unlock();
            }
        }
    }
}
