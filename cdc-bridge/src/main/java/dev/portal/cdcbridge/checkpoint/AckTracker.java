package dev.portal.cdcbridge.checkpoint;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which replay id of each channel may be checkpointed while many events are in flight to Kafka: the highest one
 * whose every predecessor on that channel (in delivery order) has been acknowledged too. An event is acknowledged
 * when all of its records are. Replay ids are opaque and not contiguous, so the order is the order of
 * {@link #admit admission}, never arithmetic on the ids.
 *
 * <p>Thread-safe: events are admitted on the subscriber's thread, acknowledgements arrive on the Kafka producer's
 * thread, the checkpoint writer {@link #drain drains} from its own.
 */
public final class AckTracker {

    /** A replay id that may be stored: every event up to it (inclusive) on its channel is on Kafka. */
    public record Checkpoint(long replayId, Instant committedAt) {
    }

    /** One admitted event, waiting for the acknowledgement of its {@code pending} records. */
    public static final class Ticket {
        private final String channel;
        private final long replayId;
        private final Instant committedAt;
        private int pending;

        private Ticket(String channel, long replayId, Instant committedAt, int records) {
            this.channel = channel;
            this.replayId = replayId;
            this.committedAt = committedAt;
            this.pending = records;
        }

        String channel() {
            return channel;
        }

        long replayId() {
            return replayId;
        }
    }

    private final Map<String, ArrayDeque<Ticket>> inFlight = new HashMap<>();
    private final Map<String, Long> highestAdmitted = new HashMap<>();
    private final Map<String, Checkpoint> ready = new LinkedHashMap<>();
    private int events;

    /**
     * Admits the next event of a channel with {@code records} records to send, or returns null when the event was
     * already admitted: a re-subscription from the (older) stored checkpoint delivers again what is in flight or
     * acknowledged, and sending it twice would only add duplicates. If such an event's first send fails, the
     * bridge restarts from the checkpoint and it comes again.
     */
    public synchronized Ticket admit(String channel, long replayId, Instant committedAt, int records) {
        Long highest = highestAdmitted.get(channel);
        if (highest != null && replayId <= highest) {
            return null;
        }
        highestAdmitted.put(channel, replayId);
        Ticket ticket = new Ticket(channel, replayId, committedAt, records);
        inFlight.computeIfAbsent(channel, c -> new ArrayDeque<>()).addLast(ticket);
        events++;
        if (records == 0) {
            advance(channel);
        }
        return ticket;
    }

    /**
     * One record of the ticket's event was acknowledged by Kafka; the channel's checkpoint moves when it can.
     *
     * @return true when this was the event's last unacknowledged record
     */
    public synchronized boolean acknowledged(Ticket ticket) {
        if (ticket.pending == 0) {
            return false;
        }
        ticket.pending--;
        if (ticket.pending == 0) {
            advance(ticket.channel);
            return true;
        }
        return false;
    }

    private void advance(String channel) {
        ArrayDeque<Ticket> queue = inFlight.get(channel);
        Ticket last = null;
        while (queue != null && !queue.isEmpty() && queue.peekFirst().pending == 0) {
            last = queue.pollFirst();
            events--;
        }
        if (last != null) {
            ready.put(channel, new Checkpoint(last.replayId, last.committedAt));
        }
    }

    /** The checkpoints that moved since the last drain, per channel; each only ever moves forward. */
    public synchronized Map<String, Checkpoint> drain() {
        Map<String, Checkpoint> moved = Map.copyOf(ready);
        ready.clear();
        return moved;
    }

    /** Events admitted and not yet acknowledged (with every predecessor), over all channels. */
    public synchronized int inFlight() {
        return events;
    }
}
