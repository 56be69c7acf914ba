package dev.portal.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Leadership among a service's replicas: a PostgreSQL session-level advisory lock held on a connection of its
 * own. If the holder dies or its connection drops, PostgreSQL releases the lock and another replica takes over.
 * (The replication slot admits one reader at a time anyway; the lock keeps the others from trying.)
 */
final class LeaderLock implements AutoCloseable {

    /** Advisory locks are scoped to a database; every service has its own, so one key is enough. */
    static final long KEY = 0x706f7274616c6f78L; // "portalox"

    private final String url;
    private final Properties credentials;
    private Connection connection;

    LeaderLock(String url, String username, String password) {
        this.url = url;
        this.credentials = new Properties();
        credentials.setProperty("user", username);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("socketTimeout", "15");
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", "portal-outbox-leader");
    }

    /** Tries once; true when this instance holds the lock afterwards. */
    synchronized boolean tryAcquire() throws SQLException {
        if (connection != null && isHeld()) {
            return true;
        }
        release();
        Connection candidate = DriverManager.getConnection(url, credentials);
        try (PreparedStatement statement = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
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
    synchronized boolean isHeld() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    synchronized void release() {
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
