package dev.portal.platform.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Runs Flyway at start-up when the database answers, exactly as Boot would. When it does not answer, the
 * service still starts (readiness stays down) and migrations are retried in the background until they pass;
 * a broken migration is a bug and still fails the start.
 */
public class DatabaseMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CountDownLatch completed = new CountDownLatch(1);
    private final Duration firstBackoff;
    private volatile String lastError;

    public DatabaseMigrations(Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
    }

    @Override
    public void migrate(Flyway flyway) {
        try {
            runOnce(flyway);
        } catch (RuntimeException e) {
            if (!isUnreachable(e)) {
                throw e;
            }
            lastError = describe(e);
            log.warn("database unreachable, migrations will be retried in the background: {}", lastError);
            Thread.ofVirtual().name("flyway-retry").start(() -> retry(flyway));
        }
    }

    public boolean isCompleted() {
        return completed.getCount() == 0;
    }

    /** Waits for the migrations; true when they have run. */
    public boolean awaitCompleted(Duration timeout) throws InterruptedException {
        return completed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String lastError() {
        return lastError;
    }

    private void runOnce(Flyway flyway) {
        flyway.migrate();
        lastError = null;
        completed.countDown();
    }

    private void retry(Flyway flyway) {
        Duration backoff = firstBackoff;
        while (!isCompleted()) {
            try {
                Thread.sleep(backoff);
                runOnce(flyway);
                log.info("database reachable again, migrations applied");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastError = describe(e);
                if (!isUnreachable(e)) {
                    log.error("migrations failed; readiness stays down until this is fixed", e);
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** SQL state class 08 is "connection exception"; pool time-outs and refused sockets end up here too. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof java.sql.SQLTransientConnectionException || cause instanceof java.net.ConnectException
                    || cause instanceof java.net.UnknownHostException || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
