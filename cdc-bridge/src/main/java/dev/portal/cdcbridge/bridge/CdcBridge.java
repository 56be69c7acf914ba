package dev.portal.cdcbridge.bridge;

import dev.portal.cdcbridge.bridge.CdcPublisher.CdcChange;
import dev.portal.cdcbridge.bridge.CdcPublisher.KafkaSendFailedException;
import dev.portal.cdcbridge.bridge.CdcPublisher.Outgoing;
import dev.portal.clients.salesforce.streaming.ChangeEvent;
import dev.portal.clients.salesforce.streaming.ChangeEventListener;
import dev.portal.clients.salesforce.streaming.InvalidReplayIdException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.platform.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns change events into Kafka records and checkpoints them. Events of one channel arrive in order on the
 * subscriber's thread and their records are sent in that order (idempotent producer, so a partition keeps it).
 *
 * <p>{@code ASYNC} (default): up to {@code window-size} events are in flight; each record's acknowledgement is
 * counted by an {@link AckTracker}, and every {@code checkpoint-interval} the highest replay id per channel whose
 * every predecessor was acknowledged is written to PostgreSQL, so the checkpoint is never ahead of Kafka.
 * {@code SYNC}: each event is sent, acknowledged and checkpointed before the next.
 *
 * <p>A failed send marks the subscriber's {@link Session} broken: later events are refused (not counted as
 * delivered, not checkpointed) until {@link CdcLeader} starts a new subscriber with a new session, which resumes
 * from the checkpoint. Nothing is skipped; events in flight at that moment may reach Kafka twice.
 */
class CdcBridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CdcBridge.class);

    /** Per channel: what was last checkpointed. */
    record ChannelState(long replayId, Instant committedAt, Instant publishedAt) {
    }

    private final CdcProperties settings;
    private final CdcPublisher publisher;
    private final Checkpoints checkpoints;
    private final Rereads rereads;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EventRate rate;
    private final ScheduledExecutorService writer;

    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    /** Checkpoints drained from the tracker and not yet written (kept across a failed write). */
    private final Map<String, AckTracker.Checkpoint> unwritten = new HashMap<>();
    private volatile Session session;
    private volatile String lastError;
    private volatile Runnable onBroken = () -> { };
    private volatile Instant lastForwardedAt = Instant.EPOCH;

    CdcBridge(CdcProperties settings, CdcPublisher publisher, Checkpoints checkpoints, Rereads rereads, Clock clock,
              MeterRegistry meters) {
        this.settings = settings;
        this.publisher = publisher;
        this.checkpoints = checkpoints;
        this.rereads = rereads;
        this.clock = clock;
        this.meters = meters;
        this.rate = new EventRate(clock);
        this.writer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cdc-checkpoints").factory());
        long every = settings.checkpointInterval().toMillis();
        writer.scheduleWithFixedDelay(this::writeCheckpoints, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The listener for a fresh subscriber: its own window and acknowledgement tracker, so that a late event or
     * acknowledgement of the previous subscriber cannot move the new one's checkpoint. What the previous session
     * had acknowledged is written first.
     */
    Session newSession() {
        writeCheckpoints();
        Session fresh = new Session();
        session = fresh;
        return fresh;
    }

    /** Stops: waits (up to the send timeout) for the events in flight, then writes the last checkpoints. */
    @Override
    public void close() {
        Session current = session;
        long deadline = System.nanoTime() + publisher.sendTimeout().toNanos();
        while (current != null && current.tracker.inFlight() > 0 && current.broken == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writer.shutdownNow();
        writeCheckpoints();
    }

    /** Writes the checkpoints the current session's acknowledgements moved: one upsert per moved channel. */
    synchronized void writeCheckpoints() {
        Session current = session;
        if (current != null) {
            unwritten.putAll(current.tracker.drain());
        }
        if (unwritten.isEmpty()) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (Map.Entry<String, AckTracker.Checkpoint> moved : Map.copyOf(unwritten).entrySet()) {
                AckTracker.Checkpoint checkpoint = moved.getValue();
                checkpoints.save(moved.getKey(), checkpoint.replayId(), checkpoint.committedAt());
                unwritten.remove(moved.getKey());
                channels.put(moved.getKey(), new ChannelState(checkpoint.replayId(), checkpoint.committedAt(), now));
            }
        } catch (RuntimeException e) {
            // kept for the next round: a later checkpoint of the channel replaces it, nothing is skipped
            lastError = "checkpoint write: " + e;
            log.warn("cdc checkpoints not written, retrying: {}", e.toString());
        }
    }

    /** The events of one subscriber. */
    final class Session implements ChangeEventListener {

        private final AckTracker tracker = new AckTracker();
        private final Semaphore window = new Semaphore(settings.windowSize());
        private volatile String broken;

        @Override
        public void onEvent(ChangeEvent event) {
            String channel = event.channel();
            if (broken != null) {
                throw new IllegalStateException("not forwarded, the bridge restarts after a failed send: " + broken);
            }
            if (stopped.containsKey(channel)) {
                throw new IllegalStateException("not forwarded, channel " + channel + " is stopped: " + stopped.get(channel));
            }
            try {
                Topic topic = topicOf(event.entityName());
                List<Outgoing> records;
                if ("GAP_OVERFLOW".equals(event.changeType())) {
                    records = overflow(topic, event);
                } else if (event.gap()) {
                    records = reread(topic, event);
                } else {
                    records = publisher.fanOut(topic, event);
                }
                if (settings.publishMode() == CdcProperties.PublishMode.SYNC) {
                    publisher.sendAll(records);
                    checkpoints.save(channel, event.replayId(), event.commitTimestamp());
                    channels.put(channel, new ChannelState(event.replayId(), event.commitTimestamp(), clock.instant()));
                    forwarded(event, records.size());
                } else {
                    sendAsync(event, records);
                }
            } catch (StoppedException e) {
                throw e;
            } catch (RuntimeException e) {
                failed(channel + " replayId=" + event.replayId() + ": " + e);
                meters.counter("portal.cdc.failures", "channel", channel).increment();
                log.error("cdc bridge could not forward {} replayId={}; restarting from the checkpoint: {}", channel, event.replayId(), e.toString());
                throw e;
            }
        }

        /** Takes a place in the window (waiting at most the send timeout), then sends without waiting for Kafka. */
        private void sendAsync(ChangeEvent event, List<Outgoing> records) {
            boolean admitted;
            try {
                admitted = window.tryAcquire(publisher.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaSendFailedException("interrupted while waiting for a place in the window", e);
            }
            if (!admitted) {
                throw new KafkaSendFailedException(settings.windowSize() + " events in flight and none acknowledged within " + publisher.sendTimeout());
            }
            AckTracker.Ticket ticket = tracker.admit(event.channel(), event.replayId(), event.commitTimestamp(), records.size());
            if (ticket == null) {
                window.release();
                meters.counter("portal.cdc.redelivered", "channel", event.channel()).increment();
                log.debug("cdc {} replayId={} is already in flight or acknowledged; not sent again", event.channel(), event.replayId());
                return;
            }
            if (records.isEmpty()) {
                window.release();
                forwarded(event, 0);
                return;
            }
            for (Outgoing record : records) {
                CompletableFuture<?> ack;
                try {
                    ack = publisher.send(record);
                } catch (RuntimeException e) {
                    window.release();
                    throw e;
                }
                ack.whenComplete((result, failure) -> {
                    if (failure != null) {
                        if (broken == null) {
                            window.release();
                            meters.counter("portal.cdc.failures", "channel", event.channel()).increment();
                            log.error("cdc Kafka refused a record of {} replayId={}; restarting from the checkpoint: {}",
                                    event.channel(), event.replayId(), failure.toString());
                        }
                        failed(event.channel() + " replayId=" + event.replayId() + ": Kafka refused a record: " + failure);
                    } else if (tracker.acknowledged(ticket)) {
                        window.release();
                        forwarded(event, records.size());
                    }
                });
            }
        }

        @Override
        public Recovery onInvalidReplayId(InvalidReplayIdException failure) {
            String channel = failure.channel();
            meters.counter("portal.cdc.stale.replay", "channel", channel, "policy", settings.staleReplayPolicy().name()).increment();
            if (settings.staleReplayPolicy() == CdcProperties.StaleReplayPolicy.STOP) {
                stop(channel, "stored replay id " + failure.replayId() + " is no longer retained (" + failure.getMessage() + ")");
                return Recovery.STAY_UNSUBSCRIBED;
            }
            try {
                Instant since = watermark(channel, null);
                log.warn("cdc replay id {} of {} is no longer retained; resyncing records changed since {}", failure.replayId(), channel, since);
                int published = resync(channel, CdcTopics.entityOf(channel), since, null);
                log.info("cdc resync of {} published {} records; continuing with new events", channel, published);
                return Recovery.NEW_EVENTS_ONLY;
            } catch (RuntimeException e) {
                failed(channel + " resync: " + e);
                log.error("cdc resync of {} failed; restarting from the checkpoint: {}", channel, e.toString());
                return Recovery.STAY_UNSUBSCRIBED;
            }
        }

        @Override
        public void onError(ExternalSystemException failure) {
            lastError = failure.toString();
            log.warn("cdc subscription error: {}", failure.toString());
        }

        private void failed(String why) {
            lastError = why;
            if (broken == null) {
                broken = why;
                onBroken.run();
            }
        }

        /** Events admitted and not yet acknowledged. */
        int inFlight() {
            return tracker.inFlight();
        }
    }

    private void forwarded(ChangeEvent event, int records) {
        lastForwardedAt = clock.instant();
        rate.record();
        meters.counter("portal.cdc.events", "channel", event.channel(), "change", event.gap() ? "gap" : "change").increment();
        meters.counter("portal.cdc.records", "channel", event.channel()).increment(records);
        log.debug("forwarded {} replayId={} {} records={}", event.channel(), event.replayId(), event.changeType(), records);
    }

    /** GAP_CREATE/UPDATE/DELETE/UNDELETE: the change is not described; read each record again and publish its state. */
    private List<Outgoing> reread(Topic topic, ChangeEvent event) {
        List<Outgoing> records = new ArrayList<>();
        for (String recordId : event.recordIds()) {
            Map<String, Object> fields = rereads.read(event.entityName(), recordId).orElse(Map.of());
            records.add(new Outgoing(topic, event.channel(), event.replayId(), new CdcChange(event.entityName(), recordId,
                    event.changeType(), event.changeOrigin(), event.transactionKey(), event.sequenceNumber(),
                    event.commitTimestamp(), event.commitNumber(), event.commitUser(), List.copyOf(fields.keySet()), fields, true)));
        }
        return records;
    }

    /** GAP_OVERFLOW: too many changes to describe; the stale-replay policy decides (resync or stop). */
    private List<Outgoing> overflow(Topic topic, ChangeEvent event) {
        if (settings.staleReplayPolicy() == CdcProperties.StaleReplayPolicy.STOP) {
            stop(event.channel(), "GAP_OVERFLOW at replayId " + event.replayId());
            throw new StoppedException(event.channel());
        }
        Instant since = watermark(event.channel(), event.commitTimestamp());
        log.warn("cdc GAP_OVERFLOW on {} replayId={}; resyncing records changed since {}", event.channel(), event.replayId(), since);
        return resyncRecords(topic, event.channel(), event.entityName(), since, event);
    }

    private int resync(String channel, String entity, Instant since, ChangeEvent cause) {
        List<Outgoing> records = resyncRecords(topicOf(entity), channel, entity, since, cause);
        publisher.sendAll(records);
        meters.counter("portal.cdc.resync.records", "channel", channel).increment(records.size());
        return records.size();
    }

    private List<Outgoing> resyncRecords(Topic topic, String channel, String entity, Instant since, ChangeEvent cause) {
        List<Outgoing> records = new ArrayList<>();
        Instant now = clock.instant();
        for (String id : rereads.changedSince(entity, since)) {
            Optional<Map<String, Object>> fields = rereads.read(entity, id);
            if (fields.isEmpty()) {
                continue; // deleted since the query
            }
            Map<String, Object> state = fields.get();
            records.add(new Outgoing(topic, channel, cause == null ? null : cause.replayId(), new CdcChange(entity, id,
                    cause == null ? "RESYNC" : cause.changeType(), "", cause == null ? "" : cause.transactionKey(),
                    cause == null ? 0 : cause.sequenceNumber(), cause == null ? now : cause.commitTimestamp(),
                    cause == null ? 0 : cause.commitNumber(), cause == null ? "" : cause.commitUser(),
                    List.copyOf(state.keySet()), state, true)));
        }
        return records;
    }

    private Instant watermark(String channel, Instant fallback) {
        return checkpoints.watermark(channel)
                .orElseGet(() -> fallback != null ? fallback.minus(settings.resyncLookback()) : clock.instant().minus(settings.resyncLookback()));
    }

    private void stop(String channel, String reason) {
        stopped.put(channel, reason);
        lastError = channel + ": " + reason;
        meters.counter("portal.cdc.stopped", "channel", channel).increment();
        log.error("cdc channel {} STOPPED by the stale-replay policy, nothing after its checkpoint is forwarded until an "
                + "operator resyncs it and restarts the bridge: {}", channel, reason);
    }

    private Topic topicOf(String entity) {
        return CdcTopics.of(entity).orElseThrow(() -> new IllegalArgumentException("no topic for change events of " + entity));
    }

    // ---- state for the leader loop and health ----

    /** Called (on the subscriber's thread) when a record could not be forwarded, so that the restart is not delayed. */
    void onBroken(Runnable callback) {
        onBroken = callback;
    }

    /** Why the current subscriber must be restarted (a failed send or resync), or null. */
    String broken() {
        Session current = session;
        return current == null ? null : current.broken;
    }

    Instant lastForwardedAt() {
        return lastForwardedAt;
    }

    Map<String, String> stoppedChannels() {
        return Map.copyOf(stopped);
    }

    Map<String, ChannelState> channels() {
        return Map.copyOf(channels);
    }

    String lastError() {
        return lastError;
    }

    double eventsPerSecond() {
        return rate.perSecond();
    }

    /** The channel was stopped by the policy; the event is neither forwarded nor checkpointed. */
    static final class StoppedException extends IllegalStateException {
        StoppedException(String channel) {
            super("channel " + channel + " stopped by the stale-replay policy");
        }
    }
}
