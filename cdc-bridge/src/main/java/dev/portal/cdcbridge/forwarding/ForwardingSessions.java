package dev.portal.cdcbridge.forwarding;

import dev.portal.cdcbridge.checkpoint.CheckpointWriter;
import dev.portal.cdcbridge.publishing.CdcPublisher;
import dev.portal.cdcbridge.resync.Resync;
import dev.portal.cdcbridge.status.BridgeStatus;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Opens a {@link ForwardingSession} for each new subscriber and tells the leader when the current one broke. Each
 * session has its own window and acknowledgement tracker, so a late event or acknowledgement of a previous subscriber
 * cannot move the new one's checkpoint; what the previous session had acknowledged is written first.
 */
public class ForwardingSessions implements AutoCloseable {

    private final PublishMode mode;
    private final int windowSize;
    private final CdcPublisher publisher;
    private final CheckpointWriter checkpoints;
    private final Resync resync;
    private final BridgeStatus status;
    private final MeterRegistry meters;
    private volatile ForwardingSession current;
    private volatile Runnable onBroken = () -> { };

    public ForwardingSessions(PublishMode mode, int windowSize, CdcPublisher publisher, CheckpointWriter checkpoints, Resync resync,
                              BridgeStatus status, MeterRegistry meters) {
        this.mode = mode;
        this.windowSize = windowSize;
        this.publisher = publisher;
        this.checkpoints = checkpoints;
        this.resync = resync;
        this.status = status;
        this.meters = meters;
    }

    /** The listener for a fresh subscriber. */
    public ForwardingSession open() {
        ForwardingSession fresh = new ForwardingSession(mode, windowSize, publisher, checkpoints, resync, status, meters,
                () -> onBroken.run());
        checkpoints.follow(fresh.tracker());
        current = fresh;
        return fresh;
    }

    /** Called (on the subscriber's thread) when a record could not be forwarded, so that the restart is not delayed. */
    public void onBroken(Runnable callback) {
        onBroken = callback;
    }

    /** Why the current subscriber must be restarted (a failed send or resync), or null. */
    public String broken() {
        ForwardingSession session = current;
        return session == null ? null : session.broken();
    }

    /** Stops: waits (up to the send timeout) for the events in flight, then writes the last checkpoints. */
    @Override
    public void close() {
        ForwardingSession session = current;
        long deadline = System.nanoTime() + publisher.sendTimeout().toNanos();
        while (session != null && session.inFlight() > 0 && session.broken() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        checkpoints.close();
    }
}
