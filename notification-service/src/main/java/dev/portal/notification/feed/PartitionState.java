package dev.portal.notification.feed;

import java.util.concurrent.CompletableFuture;

/**
 * What this instance knows of one partition of the topic: from where it has read it, how far, what it has forgotten
 * again, and whether it has caught up with what was there when it was assigned.
 */
final class PartitionState {

    final int partition;
    /** Completed once the records present at assignment have all been read: the log is complete from then on. */
    final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    /** The first offset this instance read (after seeking back {@code max-age}); -1 until assigned. */
    volatile long start = -1;
    /** The end offset when the partition was assigned: reading up to it rebuilds the log. */
    volatile long target = -1;
    /** The highest offset read; every notification up to it has been delivered. */
    volatile long lastSeen = -1;
    /** The highest offset the log has forgotten (age or total bound), for every user of the partition. */
    volatile long forgottenUpTo = -1;
    volatile boolean assigned;

    PartitionState(int partition) {
        this.partition = partition;
    }

    /**
     * Below this offset the log may lack notifications: before the first record read, or forgotten. A client whose
     * last id is at least this misses nothing; {@code userForgottenUpTo} adds what was dropped for one user alone.
     */
    long completeAfter(long userForgottenUpTo) {
        return Math.max(Math.max(start - 1, forgottenUpTo), userForgottenUpTo);
    }

    Position lastSeenPosition() {
        return new Position(partition, lastSeen);
    }

    /** Called from the consumer thread after a record has been handled. */
    void seen(long offset) {
        lastSeen = offset;
        if (assigned && offset >= target - 1) {
            caughtUp.complete(null);
        }
    }
}
