package dev.portal.cdcbridge.resync;

import dev.portal.cdcbridge.checkpoint.Checkpoints;
import dev.portal.cdcbridge.publishing.CdcChange;
import dev.portal.cdcbridge.publishing.CdcPublisher;
import dev.portal.cdcbridge.publishing.CdcTopics;
import dev.portal.cdcbridge.publishing.Outgoing;
import dev.portal.cdcbridge.status.BridgeStatus;
import dev.portal.clients.salesforce.streaming.ChangeEvent;
import dev.portal.clients.salesforce.streaming.ChangeEventListener.Recovery;
import dev.portal.clients.salesforce.streaming.InvalidReplayIdException;
import dev.portal.platform.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records no change event describes. A {@code GAP_*} event's records are read again by id. {@code GAP_OVERFLOW}
 * and a stored replay id the org no longer retains follow the {@link StaleReplayPolicy}: {@code RESYNC} reads every
 * record changed since the watermark (the commit time of the last checkpointed event, else now minus the lookback)
 * and publishes its state; {@code STOP} stops the channel until an operator acts.
 */
public class Resync {

    private static final Logger log = LoggerFactory.getLogger(Resync.class);

    private final Rereads rereads;
    private final Checkpoints checkpoints;
    private final CdcPublisher publisher;
    private final BridgeStatus status;
    private final StaleReplayPolicy policy;
    private final Duration lookback;
    private final Clock clock;
    private final MeterRegistry meters;

    public Resync(Rereads rereads, Checkpoints checkpoints, CdcPublisher publisher, BridgeStatus status, StaleReplayPolicy policy,
                  Duration lookback, Clock clock, MeterRegistry meters) {
        this.rereads = rereads;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.status = status;
        this.policy = policy;
        this.lookback = lookback;
        this.clock = clock;
        this.meters = meters;
    }

    /** GAP_CREATE/UPDATE/DELETE/UNDELETE: the change is not described; each record's state now (none when deleted). */
    public List<Outgoing> reread(Topic topic, ChangeEvent event) {
        List<Outgoing> records = new ArrayList<>();
        for (String recordId : event.recordIds()) {
            Map<String, Object> fields = rereads.read(event.entityName(), recordId).orElse(Map.of());
            records.add(new Outgoing(topic, event.channel(), event.replayId(), new CdcChange(event.entityName(), recordId,
                    event.changeType(), event.changeOrigin(), event.transactionKey(), event.sequenceNumber(),
                    event.commitTimestamp(), event.commitNumber(), event.commitUser(), List.copyOf(fields.keySet()), fields, true)));
        }
        return records;
    }

    /**
     * GAP_OVERFLOW: too many changes to describe. Under {@code RESYNC} the records changed since the watermark, under
     * the overflow event's replay id; under {@code STOP} the channel stops ({@link ChannelStoppedException}).
     */
    public List<Outgoing> overflow(Topic topic, ChangeEvent event) {
        if (policy == StaleReplayPolicy.STOP) {
            stop(event.channel(), "GAP_OVERFLOW at replayId " + event.replayId());
            throw new ChannelStoppedException(event.channel());
        }
        Instant since = watermark(event.channel(), event.commitTimestamp());
        log.warn("cdc GAP_OVERFLOW on {} replayId={}; resyncing records changed since {}", event.channel(), event.replayId(), since);
        return changedSince(topic, event.channel(), event.entityName(), since, event);
    }

    /**
     * The channel's stored replay id was refused (older than the retention). Under {@code RESYNC} the records changed
     * since the watermark are published now and the channel continues with new events; under {@code STOP} it stays
     * unsubscribed. A failing resync throws: the caller restarts from the checkpoint.
     */
    public Recovery afterRefusedReplayId(InvalidReplayIdException failure) {
        String channel = failure.channel();
        meters.counter("portal.cdc.stale.replay", "channel", channel, "policy", policy.name()).increment();
        if (policy == StaleReplayPolicy.STOP) {
            stop(channel, "stored replay id " + failure.replayId() + " is no longer retained (" + failure.getMessage() + ")");
            return Recovery.STAY_UNSUBSCRIBED;
        }
        Instant since = watermark(channel, null);
        log.warn("cdc replay id {} of {} is no longer retained; resyncing records changed since {}", failure.replayId(), channel, since);
        String entity = CdcTopics.entityOf(channel);
        List<Outgoing> records = changedSince(CdcTopics.require(entity), channel, entity, since, null);
        publisher.sendAll(records);
        meters.counter("portal.cdc.resync.records", "channel", channel).increment(records.size());
        log.info("cdc resync of {} published {} records; continuing with new events", channel, records.size());
        return Recovery.NEW_EVENTS_ONLY;
    }

    /** The state of every record changed since {@code since}; under the cause's header, or as {@code RESYNC} without one. */
    private List<Outgoing> changedSince(Topic topic, String channel, String entity, Instant since, ChangeEvent cause) {
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
                .orElseGet(() -> (fallback != null ? fallback : clock.instant()).minus(lookback));
    }

    private void stop(String channel, String reason) {
        status.stopped(channel, reason);
        meters.counter("portal.cdc.stopped", "channel", channel).increment();
        log.error("cdc channel {} STOPPED by the stale-replay policy, nothing after its checkpoint is forwarded until an "
                + "operator resyncs it and restarts the bridge: {}", channel, reason);
    }
}
