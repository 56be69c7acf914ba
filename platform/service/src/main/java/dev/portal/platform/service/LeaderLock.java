package dev.portal.platform.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Leadership among a service's replicas: a PostgreSQL session-level advisory lock held on a connection of its
 * own. If the holder dies or its connection drops, PostgreSQL releases the lock and another replica takes over.
 *
 * <p>Advisory locks are scoped to a database; each use in a service (the outbox relay, the CDC bridge) takes its
 * own {@code key}, so that they do not exclude one another.
 */
public final class LeaderLock implements AutoCloseable {

    private final String url;
    private final long key;
    private final Properties credentials;
    private Connection connection;

    /**
     * @param key             the advisory lock key, one per kind of leader in the database
     * @param applicationName shown in {@code pg_stat_activity} for the lock's session
     */
    public LeaderLock(String url, String username, String password, long key, String applicationName) {
        this.url = url;
        this.key = key;
        this.credentials = new Properties();
        credentials.setProperty("user", username);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("socketTimeout", "15");
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", applicationName);
    }

    /** Tries once; true when this instance holds the lock afterwards. */
    public synchronized boolean tryAcquire() throws SQLException {
        if (connection != null && isHeld()) {
            return true;
        }
        release();
        Connection candidate = DriverManager.getConnection(url, credentials);
        try (PreparedStatement statement = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    connection = candidate;
                    return true;
                }
            }
        } catch (SQLException e) {
            candidate.close();
            throw e;
        }
        candidate.close();
        return false;
    }

    /** Still ours: the session that took the lock is alive. */
    public synchronized boolean isHeld() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public synchronized void release() {
        if (connection != null) {
            try {
                connection.close(); // ending the session releases a session-level advisory lock
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        release();
    }
}
