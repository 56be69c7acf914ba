package dev.portal.cdcbridge.forwarding;

import dev.portal.cdcbridge.checkpoint.AckTracker;
import dev.portal.cdcbridge.checkpoint.CheckpointWriter;
import dev.portal.cdcbridge.publishing.CdcPublisher;
import dev.portal.cdcbridge.publishing.CdcTopics;
import dev.portal.cdcbridge.publishing.KafkaSendFailedException;
import dev.portal.cdcbridge.publishing.Outgoing;
import dev.portal.cdcbridge.resync.ChannelStoppedException;
import dev.portal.cdcbridge.resync.Resync;
import dev.portal.cdcbridge.status.BridgeStatus;
import dev.portal.clients.salesforce.streaming.ChangeEvent;
import dev.portal.clients.salesforce.streaming.ChangeEventListener;
import dev.portal.clients.salesforce.streaming.InvalidReplayIdException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.platform.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The events of one subscriber, turned into Kafka records. Events of one channel arrive in order on the
 * subscriber's thread and their records are sent in that order (idempotent producer, so a partition keeps it).
 *
 * <p>{@code ASYNC}: up to {@code window-size} events are in flight; each record's acknowledgement is counted by the
 * session's own {@link AckTracker}, which the {@link CheckpointWriter} drains. {@code SYNC}: each event is sent,
 * acknowledged and checkpointed before the next.
 *
 * <p>A failed send breaks the session: later events are refused (not counted as delivered, not checkpointed) and
 * {@code onBroken} wakes the leader, which starts a new subscriber with a new session from the checkpoint. Nothing is
 * skipped; events in flight at that moment may reach Kafka twice.
 */
public final class ForwardingSession implements ChangeEventListener {

    private static final Logger log = LoggerFactory.getLogger(ForwardingSession.class);

    private final PublishMode mode;
    private final int windowSize;
    private final CdcPublisher publisher;
    private final CheckpointWriter checkpoints;
    private final Resync resync;
    private final BridgeStatus status;
    private final MeterRegistry meters;
    private final Runnable onBroken;
    private final AckTracker tracker = new AckTracker();
    private final Semaphore window;
    private volatile String broken;

    ForwardingSession(PublishMode mode, int windowSize, CdcPublisher publisher, CheckpointWriter checkpoints, Resync resync,
                      BridgeStatus status, MeterRegistry meters, Runnable onBroken) {
        this.mode = mode;
        this.windowSize = windowSize;
        this.publisher = publisher;
        this.checkpoints = checkpoints;
        this.resync = resync;
        this.status = status;
        this.meters = meters;
        this.onBroken = onBroken;
        this.window = new Semaphore(windowSize);
    }

    @Override
    public void onEvent(ChangeEvent event) {
        String channel = event.channel();
        if (broken != null) {
            throw new IllegalStateException("not forwarded, the bridge restarts after a failed send: " + broken);
        }
        if (status.stopReason(channel) != null) {
            throw new IllegalStateException("not forwarded, channel " + channel + " is stopped: " + status.stopReason(channel));
        }
        try {
            Topic topic = CdcTopics.require(event.entityName());
            List<Outgoing> records;
            if ("GAP_OVERFLOW".equals(event.changeType())) {
                records = resync.overflow(topic, event);
            } else if (event.gap()) {
                records = resync.reread(topic, event);
            } else {
                records = publisher.fanOut(topic, event);
            }
            if (mode == PublishMode.SYNC) {
                publisher.sendAll(records);
                checkpoints.writeNow(channel, event.replayId(), event.commitTimestamp());
                forwarded(event, records.size());
            } else {
                sendAsync(event, records);
            }
        } catch (ChannelStoppedException e) {
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
            throw new KafkaSendFailedException(windowSize + " events in flight and none acknowledged within " + publisher.sendTimeout());
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
        try {
            return resync.afterRefusedReplayId(failure);
        } catch (RuntimeException e) {
            failed(failure.channel() + " resync: " + e);
            log.error("cdc resync of {} failed; restarting from the checkpoint: {}", failure.channel(), e.toString());
            return Recovery.STAY_UNSUBSCRIBED;
        }
    }

    @Override
    public void onError(ExternalSystemException failure) {
        status.failed(failure.toString());
        log.warn("cdc subscription error: {}", failure.toString());
    }

    /** Why this session must be replaced (a failed send or resync), or null while it works. */
    String broken() {
        return broken;
    }

    /** Events admitted and not yet acknowledged (with every predecessor). */
    int inFlight() {
        return tracker.inFlight();
    }

    AckTracker tracker() {
        return tracker;
    }

    private void failed(String why) {
        status.failed(why);
        if (broken == null) {
            broken = why;
            onBroken.run();
        }
    }

    private void forwarded(ChangeEvent event, int records) {
        status.forwarded();
        meters.counter("portal.cdc.events", "channel", event.channel(), "change", event.gap() ? "gap" : "change").increment();
        meters.counter("portal.cdc.records", "channel", event.channel()).increment(records);
        log.debug("forwarded {} replayId={} {} records={}", event.channel(), event.replayId(), event.changeType(), records);
    }
}
