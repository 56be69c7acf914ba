package dev.portal.notification.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Utils;

/**
 * The recent notifications of every user, as this instance read them from the whole topic, and the streams that
 * follow them. A stream resumes from any id this or another instance gave out: ids are topic positions, the same
 * everywhere. What the log holds is bounded by age, per user and in total; an id older than what is held (for the
 * user's partition: before the first record read, or forgotten since) gets a reset instead of a silent gap.
 *
 * <p>Records are appended by the Kafka consumer's single thread, in offset order per partition. Streams subscribe
 * from request threads. Each user's log has its own monitor, so a replay and the live notifications after it are
 * one ordered sequence.
 */
public final class RecentNotifications {

    private final Duration maxAge;
    private final int perUser;
    private final int total;
    private final Clock clock;
    private final ConcurrentHashMap<UserId, UserLog> logs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, PartitionState> partitions = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> partitionCount = new CompletableFuture<>();
    /** Every kept notification in arrival order (offset order per partition); the consumer's thread only. */
    private final ArrayDeque<Notification> arrivals = new ArrayDeque<>();
    private final AtomicInteger kept = new AtomicInteger();

    /**
     * @param maxAge  notifications recorded longer ago than this are forgotten
     * @param perUser notifications kept per user (the oldest go first)
     * @param total   notifications kept for all users together (the oldest go first)
     */
    public RecentNotifications(Duration maxAge, int perUser, int total, Clock clock) {
        this.maxAge = maxAge;
        this.perUser = perUser;
        this.total = total;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the consumer's side (one thread)

    /**
     * The consumer was given a partition.
     *
     * @param count the topic's partition count, which decides the partition of each user
     * @param start the offset it reads first (after seeking back on the first assignment)
     * @param end   the partition's end offset now: the log is complete once it has been read up to there
     */
    void assigned(int count, int partition, long start, long end) {
        PartitionState state = state(partition);
        if (!state.assigned) {
            state.start = start;
            state.lastSeen = Math.max(state.lastSeen, start - 1);
        }
        state.target = end;
        state.assigned = true;
        if (start >= end || state.lastSeen >= end - 1) {
            state.caughtUp.complete(null);
        }
        partitionCount.complete(count);
    }

    /** The consumer found nothing more to read on these partitions: what was there when they were assigned is read. */
    void idle(Collection<Integer> idlePartitions) {
        for (Integer partition : idlePartitions) {
            PartitionState state = partitions.get(partition);
            if (state != null && state.assigned) {
                state.caughtUp.complete(null);
            }
        }
    }

    /** A record that is not a notification (another type, unreadable): the position moves on all the same. */
    void skipped(Position position) {
        PartitionState state = state(position.partition());
        if (position.offset() > state.lastSeen) {
            state.seen(position.offset());
        }
    }

    /**
     * Keeps a notification and delivers it to the user's streams. A record read again (after a rebalance) and a
     * notification already kept under another offset (a producer's retry) are not delivered twice.
     */
    void append(Notification notification) {
        PartitionState state = state(notification.position().partition());
        if (notification.offset() <= state.lastSeen) {
            return;
        }
        while (true) {
            UserLog log = logs.computeIfAbsent(notification.userId(), user -> new UserLog());
            synchronized (log) {
                if (log.retired) {
                    continue;
                }
                if (!log.contains(notification.notificationId())) {
                    log.entries.addLast(notification);
                    kept.incrementAndGet();
                    arrivals.addLast(notification);
                    while (log.entries.size() > perUser) {
                        Notification dropped = log.entries.removeFirst();
                        kept.decrementAndGet();
                        log.forgottenUpTo = Math.max(log.forgottenUpTo, dropped.offset());
                    }
                    for (Subscriber subscriber : log.subscribers) {
                        subscriber.deliver(notification);
                    }
                }
                break;
            }
        }
        forgetOld();
        state.seen(notification.offset());
    }

    /** Drops the oldest notifications beyond the age and total bounds (arrival order is offset order per partition). */
    private void forgetOld() {
        Instant oldest = clock.instant().minus(maxAge);
        while (!arrivals.isEmpty() && (arrivals.size() > total || arrivals.peekFirst().recordedAt().isBefore(oldest))) {
            Notification old = arrivals.removeFirst();
            PartitionState state = state(old.position().partition());
            // first the partition's bound, then the log: a log made afresh after this one is retired must see it
            state.forgottenUpTo = Math.max(state.forgottenUpTo, old.offset());
            UserLog log = logs.get(old.userId());
            if (log == null) {
                continue;
            }
            synchronized (log) {
                if (log.entries.peekFirst() == old) { // else the per-user bound dropped it already
                    log.entries.removeFirst();
                    kept.decrementAndGet();
                    log.forgottenUpTo = Math.max(log.forgottenUpTo, old.offset());
                }
                retireIfUnused(old.userId(), log);
            }
        }
    }

    // ---------------------------------------------------------------- the streams' side

    /**
     * Completes with the user's partition once this instance has read it up to where it was at assignment (at start
     * the log is rebuilt from the last {@code max-age} first); until then a stream waits.
     */
    public CompletableFuture<Integer> whenReady(UserId user) {
        return partitionCount.thenCompose(count -> {
            int partition = partitionOf(user, count);
            return state(partition).caughtUp.thenApply(ignored -> partition);
        });
    }

    /**
     * Subscribes a stream to a user's notifications, after the client's last id ({@code Last-Event-ID}).
     *
     * <ul>
     *   <li>no last id (a new stream): a checkpoint at the current position, then live notifications;</li>
     *   <li>a last id this instance's log covers: the notifications after it, a checkpoint, then live ones;</li>
     *   <li>a last id older than the log, of another partition or not one of ours: a reset at the current position,
     *       then live ones.</li>
     * </ul>
     *
     * @param partition   the user's partition, as {@link #whenReady} gave it
     * @param lastEventId the client's last id, null for a new stream
     */
    public Subscription subscribe(UserId user, int partition, String lastEventId, Subscriber subscriber) {
        PartitionState state = state(partition);
        Optional<Position> after = Position.parse(lastEventId);
        while (true) {
            UserLog log = logs.computeIfAbsent(user, id -> new UserLog());
            synchronized (log) {
                if (log.retired) {
                    continue;
                }
                // read before the entries: every notification of this user up to it is among them already
                Position current = state.lastSeenPosition();
                if (lastEventId == null) {
                    subscriber.checkpoint(current);
                } else if (after.isEmpty() || after.get().partition() != partition
                        || after.get().offset() < state.completeAfter(log.forgottenUpTo)) {
                    subscriber.reset(current);
                } else {
                    long from = after.get().offset();
                    for (Notification entry : log.entries) {
                        if (entry.offset() > from) {
                            subscriber.deliver(entry);
                        }
                    }
                    subscriber.checkpoint(current);
                }
                log.subscribers.add(subscriber);
                return () -> unsubscribe(user, log, subscriber);
            }
        }
    }

    private void unsubscribe(UserId user, UserLog log, Subscriber subscriber) {
        synchronized (log) {
            log.subscribers.remove(subscriber);
            retireIfUnused(user, log);
        }
    }

    // called with the log's monitor held
    private void retireIfUnused(UserId user, UserLog log) {
        if (!log.retired && log.unused()) {
            log.retired = true;
            logs.remove(user, log);
        }
    }

    /** The last position read on a partition: every notification up to it has been delivered. */
    public Position lastSeen(int partition) {
        return state(partition).lastSeenPosition();
    }

    /** The partition of a user's records: the producer's default partitioner on the user id as key. */
    public static int partitionOf(UserId user, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(user.value().getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    // ---------------------------------------------------------------- state, for health and metrics

    /** Whether every partition is assigned and read up to where it was at assignment. */
    public boolean ready() {
        Integer count = partitionCount.getNow(null);
        if (count == null) {
            return false;
        }
        for (int partition = 0; partition < count; partition++) {
            PartitionState state = partitions.get(partition);
            if (state == null || !state.caughtUp.isDone()) {
                return false;
            }
        }
        return true;
    }

    /** Per partition: {@code start}, {@code lastSeen}, {@code target}, {@code caughtUp}. */
    public Map<String, Object> status() {
        Map<String, Object> status = new TreeMap<>();
        partitions.forEach((partition, state) -> status.put("partition-" + partition, Map.of("start", state.start,
                "lastSeen", state.lastSeen, "target", state.target, "caughtUp", state.caughtUp.isDone())));
        return status;
    }

    /** Notifications kept, all users together. */
    public int kept() {
        return kept.get();
    }

    /** Users with a log (notifications kept or a stream open). */
    public int users() {
        return logs.size();
    }

    private PartitionState state(int partition) {
        return partitions.computeIfAbsent(partition, PartitionState::new);
    }
}
