package dev.portal.cdcbridge.leadership;

import dev.portal.cdcbridge.forwarding.ForwardingSessions;
import dev.portal.cdcbridge.status.BridgeStatus;
import dev.portal.cdcbridge.status.BridgeStatus.Role;
import dev.portal.clients.salesforce.SalesforceAuth;
import dev.portal.clients.salesforce.streaming.ChangeEventSubscriber;
import dev.portal.clients.salesforce.streaming.ReplayIdStore;
import dev.portal.clients.salesforce.streaming.SalesforceStreamingProperties;
import dev.portal.clients.salesforce.streaming.StreamingHealth;
import dev.portal.platform.service.DatabaseMigrations;
import dev.portal.platform.service.LeaderLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Exactly one active replica: the holder of a PostgreSQL advisory lock subscribes, the others wait and take over
 * when the lock goes (the holder died or its session dropped). The same loop is the watchdog: it restarts the
 * subscriber after a failed Kafka send and when the connect loop has been silent for longer than the stall timeout.
 */
public class CdcLeader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CdcLeader.class);
    /** The bridge's advisory lock key in its database: "portalcd". */
    public static final long LEADER_KEY = 0x706f7274616c6364L;

    /**
     * @param channels         the channels to subscribe to
     * @param watchdogInterval how often leadership, failed sends and the connect loop are checked
     * @param stallTimeout     a subscriber without a successful connect or an event for this long is restarted
     */
    public record Settings(List<String> channels, Duration watchdogInterval, Duration stallTimeout) {
    }

    private final Settings settings;
    private final SalesforceStreamingProperties streaming;
    private final Supplier<SalesforceAuth> auth;
    private final ForwardingSessions sessions;
    private final ReplayIdStore checkpoints;
    private final BridgeStatus status;
    private final Supplier<LeaderLock> locks;
    private final DatabaseMigrations migrations;
    private final Clock clock;

    private volatile boolean running;
    private volatile Thread loop;
    private volatile ChangeEventSubscriber subscriber;
    private volatile Instant subscriberStartedAt;
    private Instant lastFailureRestartAt = Instant.EPOCH;
    private int failureRestarts;
    private final Semaphore wake = new Semaphore(0);

    /** {@code streaming} already carries the start policy of channels without a checkpoint. */
    public CdcLeader(Settings settings, SalesforceStreamingProperties streaming, Supplier<SalesforceAuth> auth, ForwardingSessions sessions,
                     ReplayIdStore checkpoints, BridgeStatus status, Supplier<LeaderLock> locks, DatabaseMigrations migrations, Clock clock) {
        this.settings = settings;
        this.streaming = streaming;
        this.auth = auth;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.status = status;
        this.locks = locks;
        this.migrations = migrations;
        this.clock = clock;
        sessions.onBroken(wake::release);
    }

    @Override
    public synchronized void start() {
        running = true;
        loop = Thread.ofPlatform().daemon().name("cdc-leader").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = loop;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopSubscriber();
        status.role(Role.STOPPED);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (LeaderLock lock = locks.get()) {
            while (running) {
                try {
                    if (migrations != null && !migrations.isCompleted()) {
                        Thread.sleep(settings.watchdogInterval());
                        continue;
                    }
                    if (!lock.tryAcquire()) {
                        if (subscriber != null) {
                            log.warn("cdc bridge lost leadership; unsubscribing");
                            stopSubscriber();
                        }
                        status.role(Role.STANDBY);
                    } else if (subscriber == null) {
                        status.role(Role.LEADER);
                        log.info("cdc bridge is the leader; subscribing to {}", settings.channels());
                        startSubscriber();
                    } else {
                        watchdog();
                    }
                    // the next check comes after the interval, or at once when the bridge could not forward a record
                    if (wake.tryAcquire(settings.watchdogInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        wake.drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | SQLException e) {
                    log.warn("cdc leader loop: {}", e.toString());
                    stopSubscriber();
                    lock.release();
                    status.role(Role.STANDBY);
                    try {
                        Thread.sleep(settings.watchdogInterval());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } finally {
            stopSubscriber();
        }
    }

    private void watchdog() {
        String broken = sessions.broken();
        if (broken != null) {
            // at once after a success, then backing off (up to a minute) while records keep failing
            if (status.lastForwardedAt().isAfter(lastFailureRestartAt)) {
                failureRestarts = 0;
            }
            Duration pause = settings.watchdogInterval().multipliedBy(1L << Math.min(failureRestarts, 8));
            pause = pause.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : pause;
            if (failureRestarts == 0 || Duration.between(lastFailureRestartAt, clock.instant()).compareTo(pause) >= 0) {
                failureRestarts++;
                lastFailureRestartAt = clock.instant();
                restart("a record was not forwarded (" + broken + ")");
            }
            return;
        }
        StreamingHealth health = subscriber.health();
        // alive: a connect succeeded or an event was forwarded (a long backlog keeps the next connect waiting)
        Instant lastSign = latest(subscriberStartedAt, health.lastConnectAt(), health.lastEventAt());
        if (Duration.between(lastSign, clock.instant()).compareTo(settings.stallTimeout()) > 0) {
            restart("no successful connect and no event since " + lastSign + " (" + health.lastError() + ")");
        }
    }

    private static Instant latest(Instant first, Instant... others) {
        Instant latest = first;
        for (Instant other : others) {
            if (other != null && other.isAfter(latest)) {
                latest = other;
            }
        }
        return latest;
    }

    private void restart(String why) {
        status.restarted();
        log.warn("cdc bridge restarts its subscription from the checkpoints: {}", why);
        stopSubscriber();
        startSubscriber();
    }

    private void startSubscriber() {
        subscriberStartedAt = clock.instant();
        ChangeEventSubscriber fresh = new ChangeEventSubscriber(auth.get(), streaming, settings.channels(), checkpoints,
                sessions.open(), null, clock);
        subscriber = fresh;
        status.subscriber(fresh::health);
        fresh.start();
    }

    private void stopSubscriber() {
        ChangeEventSubscriber current = subscriber;
        subscriber = null;
        status.subscriber(null);
        if (current != null) {
            current.close();
        }
    }
}
