package dev.portal.cdcbridge.status;

import dev.portal.clients.salesforce.streaming.StreamingHealth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the bridge knows about itself, written by the part that knows it (the leader its role and restarts, the
 * checkpoint writer the stored checkpoints, the forwarding session what it forwarded and why it failed, the resync
 * the channels its policy stopped) and read by {@link CdcHealthIndicator} and by the leader's back-off. Thread-safe.
 */
public class BridgeStatus {

    /** Whether this replica subscribes. */
    public enum Role { STARTING, STANDBY, LEADER, STOPPED }

    /** Per channel: what was last checkpointed, and when. */
    public record ChannelState(long replayId, Instant committedAt, Instant publishedAt) {
    }

    private final Clock clock;
    private final EventRate rate;
    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private final AtomicLong restarts = new AtomicLong();
    private volatile Role role = Role.STARTING;
    private volatile Supplier<StreamingHealth> streaming = () -> null;
    private volatile String lastError;
    private volatile Instant lastForwardedAt = Instant.EPOCH;

    public BridgeStatus(Clock clock) {
        this.clock = clock;
        this.rate = new EventRate(clock);
    }

    public Role role() {
        return role;
    }

    public void role(Role now) {
        role = now;
    }

    /** The running subscriber's state, or null when this replica does not subscribe. */
    public StreamingHealth streaming() {
        return streaming.get();
    }

    /** The leader started a subscriber ({@code health} reads it) or stopped it ({@code null}). */
    public void subscriber(Supplier<StreamingHealth> health) {
        streaming = health == null ? () -> null : health;
    }

    /** How often the leader restarted the subscriber (failed send, stall). */
    public long restarts() {
        return restarts.get();
    }

    public void restarted() {
        restarts.incrementAndGet();
    }

    /** The channel's checkpoint was stored now. */
    public void checkpointed(String channel, long replayId, Instant committedAt) {
        channels.put(channel, new ChannelState(replayId, committedAt, clock.instant()));
    }

    public Map<String, ChannelState> channels() {
        return Map.copyOf(channels);
    }

    /** An event was handed to Kafka and acknowledged (with all of its records). */
    public void forwarded() {
        lastForwardedAt = clock.instant();
        rate.record();
    }

    public Instant lastForwardedAt() {
        return lastForwardedAt;
    }

    public double eventsPerSecond() {
        return rate.perSecond();
    }

    /** The last failure worth showing an operator (a refused send, a failed checkpoint write or resync). */
    public void failed(String why) {
        lastError = why;
    }

    public String lastError() {
        return lastError;
    }

    /** The stale-replay policy stopped the channel: nothing after its checkpoint is forwarded until an operator acts. */
    public void stopped(String channel, String reason) {
        stopped.put(channel, reason);
        lastError = channel + ": " + reason;
    }

    /** Why the channel was stopped, or null while it runs. */
    public String stopReason(String channel) {
        return stopped.get(channel);
    }

    public Map<String, String> stoppedChannels() {
        return Map.copyOf(stopped);
    }
}
