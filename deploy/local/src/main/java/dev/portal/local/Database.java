package dev.portal.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The suite's PostgreSQL: embedded binaries with a data directory under the run directory (logical decoding on,
 * for the outboxes), or a server given as {@code PORTAL_POSTGRES_URL=postgresql://user:password@host:port}. Every
 * start begins with empty service databases, as the sandbox begins from its seed (decision 0038): portal rows that
 * point at records the sandbox no longer has would make the suite contradict itself.
 */
final class Database implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;

    private Database(String host, int port, String user, String password, EmbeddedPostgres embedded, Path dataDirectory) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
    }

    static Database start(SuiteSettings settings) throws IOException {
        if (settings.postgresUrl() != null) {
            URI uri = URI.create(settings.postgresUrl());
            if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("PORTAL_POSTGRES_URL must look like postgresql://user:password@host:port, was "
                        + settings.postgresUrl());
            }
            String[] credentials = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
            return new Database(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), credentials[0],
                    credentials.length > 1 ? credentials[1] : "", null, null);
        }
        Path data = settings.runDirectory().resolve("postgres");
        FreshStart.deleteRecursively(data);
        Files.createDirectories(data);
        Path log = settings.runDirectory().resolve("logs").resolve("postgres.log");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(settings.postgresPort())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "16")
                .setServerConfig("max_wal_senders", "16")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "64MB")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new Database("127.0.0.1", postgres.getPort(), "postgres", "postgres", postgres, data);
    }

    /**
     * Creates the services' databases empty: on a server of the user's, the suite's own databases (and their outbox
     * replication slots, which would keep a dropped database's WAL) are dropped first; nothing else is touched.
     */
    void createFreshDatabases(Collection<String> names) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a database name the suite uses: " + name);
                }
                try (PreparedStatement slots = connection.prepareStatement(
                        "select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = ?")) {
                    slots.setString(1, name);
                    try (ResultSet ignored = slots.executeQuery()) {
                        // dropped
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop database if exists " + name + " with (force)");
                    statement.execute("create database " + name);
                }
            }
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** The postmaster's pid, read from its pid file (embedded only). */
    OptionalLong postmasterPid() {
        if (dataDirectory == null) {
            return OptionalLong.empty();
        }
        try {
            String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim();
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Stops the embedded server and waits for the postmaster to be gone: after Ctrl-C it may already be in its
     * own fast shutdown (it shares the terminal's process group), and then {@code pg_ctl stop} returns at once.
     */
    Optional<ProcessHandle> postmaster() {
        OptionalLong pid = postmasterPid();
        return pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
    }

    @Override
    public void close() throws IOException {
        if (embedded == null) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            embedded.close();
        } finally {
            postmaster.ifPresent(process -> {
                try {
                    process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception notYet) {
                    process.destroy(); // SIGTERM: a smart shutdown, still clean
                }
            });
        }
    }
}
