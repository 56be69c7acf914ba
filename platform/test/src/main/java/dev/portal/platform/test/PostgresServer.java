package dev.portal.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A running PostgreSQL server (logical decoding enabled) for tests; each caller gets its own database. */
public abstract class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    public abstract String host();

    public abstract int port();

    public abstract String username();

    public abstract String password();

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /**
     * Creates an empty database so that tests never see another test's data.
     *
     * @param hint a readable part of the name (letters, digits, underscores)
     * @return the name of the new database
     */
    public String createDatabase(String hint) {
        String name = (hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid()
                + "_" + DATABASES.incrementAndGet());
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "t" + name.substring(1);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }
}
