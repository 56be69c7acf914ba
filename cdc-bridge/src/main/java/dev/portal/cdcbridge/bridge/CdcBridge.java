package dev.portal.cdcbridge.bridge;

import dev.portal.cdcbridge.bridge.CdcPublisher.CdcChange;
import dev.portal.cdcbridge.bridge.CdcPublisher.Outgoing;
import dev.portal.clients.salesforce.streaming.ChangeEvent;
import dev.portal.clients.salesforce.streaming.ChangeEventListener;
import dev.portal.clients.salesforce.streaming.InvalidReplayIdException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.platform.events.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns change events into Kafka records and checkpoints them: for each event, every record is sent and
 * acknowledged before the channel's replay id is stored. Events of one channel arrive in order on the subscriber's
 * thread, so a channel's records reach Kafka (and the checkpoint) in replay order.
 *
 * <p>A failed send marks the bridge broken: later events are refused (not counted as delivered, not checkpointed)
 * until {@link CdcLeader} restarts the subscriber, which resumes from the checkpoint. Nothing is skipped.
 */
class CdcBridge implements ChangeEventListener {

    private static final Logger log = LoggerFactory.getLogger(CdcBridge.class);

    /** Per channel: what was last acknowledged. */
    record ChannelState(long replayId, Instant committedAt, Instant publishedAt) {
    }

    private final CdcProperties settings;
    private final CdcPublisher publisher;
    private final Checkpoints checkpoints;
    private final Rereads rereads;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EventRate rate;

    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private volatile String broken;
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
    }

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
            publisher.sendAll(records);
            checkpoints.save(channel, event.replayId(), event.commitTimestamp());
            lastForwardedAt = clock.instant();
            channels.put(channel, new ChannelState(event.replayId(), event.commitTimestamp(), lastForwardedAt));
            rate.record();
            meters.counter("portal.cdc.events", "channel", channel, "change", event.gap() ? "gap" : "change").increment();
            meters.counter("portal.cdc.records", "channel", channel).increment(records.size());
            log.debug("forwarded {} replayId={} {} records={}", channel, event.replayId(), event.changeType(), records.size());
        } catch (StoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            lastError = channel + " replayId=" + event.replayId() + ": " + e;
            markBroken(lastError);
            meters.counter("portal.cdc.failures", "channel", channel).increment();
            log.error("cdc bridge could not forward {} replayId={}; restarting from the checkpoint: {}", channel, event.replayId(), e.toString());
            throw e;
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
            lastError = channel + " resync: " + e;
            markBroken(lastError);
            log.error("cdc resync of {} failed; restarting from the checkpoint: {}", channel, e.toString());
            return Recovery.STAY_UNSUBSCRIBED;
        }
    }

    @Override
    public void onError(ExternalSystemException failure) {
        lastError = failure.toString();
        log.warn("cdc subscription error: {}", failure.toString());
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

    private void markBroken(String why) {
        broken = why;
        onBroken.run();
    }

    // ---- state for the leader loop and health ----

    /** Called (on the subscriber's thread) when a record could not be forwarded, so that the restart is not delayed. */
    void onBroken(Runnable callback) {
        onBroken = callback;
    }

    /** Why the subscriber must be restarted (a failed send or resync), or null. */
    String broken() {
        return broken;
    }

    Instant lastForwardedAt() {
        return lastForwardedAt;
    }

    /** Called before a fresh subscriber starts from the checkpoints. */
    void reset() {
        broken = null;
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
