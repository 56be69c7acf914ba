package dev.portal.sandbox.salesforce.streaming;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The retained change events in replay order. Replay ids are opaque, increasing and not contiguous, shared by
 * every channel, and never reused (a reset keeps counting). Not thread-safe: {@link SalesforceChangeEventStreams} guards it.
 */
final class SalesforceChangeEventStore {

    /** One retained event: the Bayeux {@code data} object and what it is filed under. */
    record StoredEvent(long replayId, String entityName, String transactionKey, Instant committedAt, Map<String, Object> data) {
    }

    private final Deque<StoredEvent> events = new ArrayDeque<>();
    private final RandomGenerator random;
    private long lastReplayId;
    private long lastCommitNumber;

    SalesforceChangeEventStore(RandomGenerator random, long firstReplayId, long firstCommitNumber) {
        this.random = random;
        this.lastReplayId = firstReplayId;
        this.lastCommitNumber = firstCommitNumber;
    }

    long nextReplayId() {
        lastReplayId += 1 + random.nextInt(7);
        return lastReplayId;
    }

    long nextCommitNumber() {
        lastCommitNumber += 1 + random.nextInt(1000);
        return lastCommitNumber;
    }

    void append(StoredEvent event) {
        events.addLast(event);
    }

    /** Whether {@code replayId} is one a subscriber may resume after: a retained event's id. */
    boolean retains(long replayId) {
        for (StoredEvent e : events) {
            if (e.replayId() == replayId) {
                return true;
            }
        }
        return false;
    }

    /** Retained events after {@code replayId} ({@code -2}: all of them). */
    List<StoredEvent> after(long replayId) {
        List<StoredEvent> found = new ArrayList<>();
        for (StoredEvent e : events) {
            if (replayId == -2 || e.replayId() > replayId) {
                found.add(e);
            }
        }
        return found;
    }

    List<StoredEvent> ofTransaction(String transactionKey) {
        return events.stream().filter(e -> e.transactionKey().equals(transactionKey)).toList();
    }

    /** Forgets the events committed at or before {@code cutoff}; returns how many. */
    int expireUpTo(Instant cutoff) {
        int removed = 0;
        while (!events.isEmpty() && !events.peekFirst().committedAt().isAfter(cutoff)) {
            events.removeFirst();
            removed++;
        }
        return removed;
    }

    int size() {
        return events.size();
    }

    void clear() {
        events.clear();
    }
}
