package dev.portal.cdcbridge.checkpoint;

import dev.portal.cdcbridge.status.BridgeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stores what Kafka acknowledged: every {@code interval} it drains the moved checkpoints of the {@link AckTracker} it
 * {@link #follow follows} and upserts one row per moved channel. A failed write keeps them for the next round (a
 * later checkpoint of the same channel replaces it, nothing is skipped), so the stored checkpoint lags Kafka and is
 * never ahead of it.
 */
public class CheckpointWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);

    private final Checkpoints checkpoints;
    private final BridgeStatus status;
    private final ScheduledExecutorService writer;
    /** Checkpoints drained from the tracker and not yet written (kept across a failed write). */
    private final Map<String, AckTracker.Checkpoint> unwritten = new HashMap<>();
    private volatile AckTracker tracker;

    public CheckpointWriter(Checkpoints checkpoints, BridgeStatus status, Duration interval) {
        this.checkpoints = checkpoints;
        this.status = status;
        this.writer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cdc-checkpoints").factory());
        long every = interval.toMillis();
        writer.scheduleWithFixedDelay(this::write, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes what the tracker followed so far acknowledged, then follows {@code next}: a late acknowledgement of
     * the previous subscriber cannot move the new one's checkpoint.
     */
    public synchronized void follow(AckTracker next) {
        write();
        tracker = next;
    }

    /** Writes the checkpoints the followed tracker's acknowledgements moved: one upsert per moved channel. */
    public synchronized void write() {
        AckTracker current = tracker;
        if (current != null) {
            unwritten.putAll(current.drain());
        }
        if (unwritten.isEmpty()) {
            return;
        }
        try {
            for (Map.Entry<String, AckTracker.Checkpoint> moved : Map.copyOf(unwritten).entrySet()) {
                AckTracker.Checkpoint checkpoint = moved.getValue();
                checkpoints.save(moved.getKey(), checkpoint.replayId(), checkpoint.committedAt());
                unwritten.remove(moved.getKey());
                status.checkpointed(moved.getKey(), checkpoint.replayId(), checkpoint.committedAt());
            }
        } catch (RuntimeException e) {
            status.failed("checkpoint write: " + e);
            log.warn("cdc checkpoints not written, retrying: {}", e.toString());
        }
    }

    /** Stores one event's checkpoint at once (one event at a time: it was acknowledged just now). */
    public void writeNow(String channel, long replayId, Instant committedAt) {
        checkpoints.save(channel, replayId, committedAt);
        status.checkpointed(channel, replayId, committedAt);
    }

    /** Stops the periodic writes and writes what was acknowledged until now. */
    @Override
    public void close() {
        writer.shutdownNow();
        write();
    }
}
