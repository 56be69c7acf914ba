package dev.portal.platform.outbox;

import dev.portal.platform.service.DatabaseMigrations;
import dev.portal.platform.service.LeaderLock;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves outbox rows to Kafka. Every replica runs this loop; only the holder of the {@link LeaderLock} runs the
 * Debezium engine. The engine restarts with back-off after any failure and stops as soon as leadership is lost.
 * The leader also purges rows older than the retention.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The relay's advisory lock key in the service's database: "portalox". */
    static final long LEADER_KEY = 0x706f7274616c6f78L;

    enum State { STOPPED, STANDBY, STARTING, STREAMING, FAILED }

    private final OutboxProperties properties;
    private final DebeziumSettings.Database database;
    private final Supplier<Producer<String, byte[]>> producers;
    private final JdbcClient jdbc;
    private final DatabaseMigrations migrations;
    private final Counter relayed;
    private final Counter purged;
    private final AtomicReference<State> state = new AtomicReference<>(State.STOPPED);
    private final AtomicReference<DebeziumEngine<RecordChangeEvent<SourceRecord>>> engine = new AtomicReference<>();
    private volatile boolean running;
    private volatile String lastError;
    private volatile long lastPurgeNanos = System.nanoTime();
    private Thread loop;

    OutboxRelay(OutboxProperties properties, DebeziumSettings.Database database,
                       Supplier<Producer<String, byte[]>> producers, JdbcClient jdbc, DatabaseMigrations migrations,
                       MeterRegistry meters) {
        this.properties = properties;
        this.database = database;
        this.producers = producers;
        this.jdbc = jdbc;
        this.migrations = migrations;
        this.relayed = Counter.builder("portal.outbox.relayed").description("outbox events acknowledged by Kafka").register(meters);
        this.purged = Counter.builder("portal.outbox.purged").description("relayed outbox rows deleted after retention").register(meters);
        meters.gauge("portal.outbox.leader", state, s -> s.get() == State.STREAMING || s.get() == State.STARTING ? 1 : 0);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        state.set(State.STANDBY);
        loop = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeEngine();
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.set(State.STOPPED);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the web server and listeners (higher phases stop first), so in-flight writes still get relayed
        return Integer.MIN_VALUE + 1000;
    }

    State state() {
        return state.get();
    }

    String lastError() {
        return lastError;
    }

    String slotName() {
        return DebeziumSettings.slotName(properties, database);
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        try (LeaderLock lock = new LeaderLock(database.jdbcUrl(), database.username(), database.password(), LEADER_KEY, "portal-outbox-leader")) {
            while (running) {
                try {
                    if (migrations != null && !migrations.isCompleted()) {
                        Thread.sleep(properties.leaderCheckInterval());
                        continue;
                    }
                    if (!lock.tryAcquire()) {
                        state.set(State.STANDBY);
                        Thread.sleep(properties.leaderCheckInterval());
                        continue;
                    }
                    log.info("outbox relay leader for database {}, slot {}", database.name(), slotName());
                    boolean clean = runEngineWhileLeader(lock);
                    backoff = clean ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                    if (running && !clean) {
                        Thread.sleep(backoff);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (SQLException | RuntimeException e) {
                    lastError = e.getMessage();
                    state.set(State.FAILED);
                    log.warn("outbox relay cannot run yet: {}", e.getMessage());
                    lock.release();
                    sleepQuietly(backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                }
            }
        }
    }

    /** Runs the engine until it fails, stops, or leadership is lost. True when it ended without an error. */
    private boolean runEngineWhileLeader(LeaderLock lock) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Producer<String, byte[]> producer = producers.get()) {
            DebeziumEngine<RecordChangeEvent<SourceRecord>> current = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(DebeziumSettings.of(properties, database))
                    .notifying(new RelayHandler(producer, "outbox", properties.sendTimeout(), relayed))
                    .using(new DebeziumEngine.ConnectorCallback() {
                        @Override
                        public void pollingStarted() {
                            state.set(State.STREAMING);
                            lastError = null;
                        }
                    })
                    .using((success, message, error) -> {
                        if (!success || error != null) {
                            failure.set(error != null ? error : new IllegalStateException(message));
                        }
                    })
                    .build();
            engine.set(current);
            state.set(State.STARTING);
            Thread engineThread = Thread.ofPlatform().name("outbox-debezium").daemon().start(current);
            while (running && engineThread.isAlive()) {
                engineThread.join(properties.leaderCheckInterval());
                if (!lock.isHeld()) {
                    log.warn("outbox relay lost leadership; stopping the engine");
                    break;
                }
                purgeIfDue();
            }
            closeEngine();
            engineThread.join(Duration.ofSeconds(20));
        }
        lock.release();
        Throwable error = failure.get();
        if (error != null) {
            lastError = error.getMessage();
            state.set(State.FAILED);
            log.warn("outbox relay engine stopped with an error; it will restart: {}", error.toString());
            return false;
        }
        state.set(running ? State.STANDBY : State.STOPPED);
        return true;
    }

    private void purgeIfDue() {
        if (System.nanoTime() - lastPurgeNanos < properties.purgeInterval().toNanos()) {
            return;
        }
        lastPurgeNanos = System.nanoTime();
        int deleted = purge();
        if (deleted > 0) {
            log.info("purged {} relayed outbox row(s) older than {}", deleted, properties.retention());
        }
    }

    /** Deletes rows older than the retention, in bounded batches. The relay reads the WAL, so it loses nothing. */
    int purge() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from " + properties.schema() + ".outbox where id in (select id from "
                            + properties.schema() + ".outbox where created_at < now() - cast(? as interval) limit 5000)")
                    .param(properties.retention().toSeconds() + " seconds")
                    .update();
            total += deleted;
        } while (deleted == 5000 && running);
        purged.increment(total);
        return total;
    }

    /** Closes the engine; an engine still initialising refuses to close, so this retries for a while. */
    private void closeEngine() {
        DebeziumEngine<RecordChangeEvent<SourceRecord>> current = engine.getAndSet(null);
        if (current == null) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                current.close();
                return;
            } catch (IOException e) {
                log.warn("closing the outbox engine failed", e);
                return;
            } catch (IllegalStateException notYetClosable) {
                if (System.nanoTime() > deadline) {
                    log.warn("the outbox engine did not reach a closable state: {}", notYetClosable.getMessage());
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    // keep trying: an engine left running would hold the replication slot
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
