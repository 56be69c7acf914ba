package dev.portal.platform.saga;

import dev.portal.platform.service.LeaderLock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs what no caller is waiting for (retries after their back-off, steps woken by a signal or a deadline,
 * instances whose process died) on exactly one replica: the holder of a PostgreSQL advisory lock. It polls for due
 * instances every {@code portal.saga.poll-interval}, claims a batch with {@code FOR UPDATE SKIP LOCKED} and runs it
 * concurrently; it also deletes finished instances past their retention. When it loses the lock (its session died),
 * another replica takes over within {@code portal.saga.leader-check-interval}.
 */
public class SagaLeader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SagaLeader.class);
    /** The advisory lock key of the saga leader in a service's database: "portalsg". */
    static final long LEADER_KEY = 0x706f7274616c7367L;
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Sagas sagas;
    private final SagaProperties properties;
    private final Supplier<LeaderLock> locks;
    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;
    private long lastPurgeNanos = System.nanoTime() - PURGE_INTERVAL.toNanos();

    /** @param locks makes the lock (a connection of its own to the service's database) */
    public SagaLeader(Sagas sagas, SagaProperties properties, Supplier<LeaderLock> locks) {
        this.sagas = sagas;
        this.properties = properties;
        this.locks = locks;
    }

    /** Whether this replica holds the lock now. */
    public boolean isLeader() {
        return leader;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("saga-leader").daemon().start(this::loop);
    }

    private void loop() {
        try (LeaderLock lock = locks.get();
             ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (running) {
                try {
                    if (!lock.tryAcquire()) {
                        becomeFollower();
                        sleep(properties.leaderCheckInterval());
                        continue;
                    }
                    if (!leader) {
                        leader = true;
                        log.info("saga leader: this replica ({}) runs retries, resumes and timeouts", sagas.owner());
                    }
                    int ran = runDueBatch(workers);
                    purgeIfDue();
                    if (ran == 0) {
                        sleep(properties.pollInterval());
                    }
                } catch (Exception e) {
                    becomeFollower();
                    lock.release();
                    log.warn("saga leader loop failed, it tries again: {}", e.toString());
                    sleep(properties.leaderCheckInterval());
                }
            }
        } finally {
            becomeFollower();
        }
    }

    private int runDueBatch(ExecutorService workers) throws InterruptedException {
        List<SagaInstance> claimed = sagas.claimDue();
        List<Future<?>> runs = claimed.stream().<Future<?>>map(instance -> workers.submit(() -> sagas.runClaimed(instance))).toList();
        for (Future<?> run : runs) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("saga run failed: {}", e.getCause().toString());
            }
        }
        return claimed.size();
    }

    private void purgeIfDue() {
        if (System.nanoTime() - lastPurgeNanos < PURGE_INTERVAL.toNanos()) {
            return;
        }
        lastPurgeNanos = System.nanoTime();
        int deleted = sagas.purge();
        if (deleted > 0) {
            log.info("deleted {} finished saga instance(s) older than {}", deleted, properties.retention());
        }
    }

    private void becomeFollower() {
        if (leader) {
            leader = false;
            log.info("saga leader: this replica ({}) no longer leads", sagas.owner());
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
            thread = null;
        }
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
