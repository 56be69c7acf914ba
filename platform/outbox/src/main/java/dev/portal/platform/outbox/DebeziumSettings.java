package dev.portal.platform.outbox;

import java.util.Properties;
import org.postgresql.Driver;

/** The Debezium PostgreSQL connector, configured for an outbox: inserts only, no snapshot, durable offsets. */
final class DebeziumSettings {

    private DebeziumSettings() {
    }

    record Database(String jdbcUrl, String host, int port, String name, String username, String password) {

        static Database of(String jdbcUrl, String username, String password) {
            Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
            if (parsed == null) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            String host = parsed.getProperty("PGHOST");
            if (host == null || host.contains(",")) {
                throw new IllegalArgumentException("the outbox relay needs exactly one PostgreSQL host in " + jdbcUrl);
            }
            return new Database(jdbcUrl, host, Integer.parseInt(parsed.getProperty("PGPORT", "5432")),
                    parsed.getProperty("PGDBNAME"), username, password);
        }
    }

    static String slotName(OutboxProperties properties, Database database) {
        if (!properties.slotName().isBlank()) {
            return properties.slotName();
        }
        String derived = ("portal_outbox_" + database.name()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return derived.length() > 63 ? derived.substring(0, 63) : derived;
    }

    static Properties of(OutboxProperties properties, Database database) {
        String schema = properties.schema();
        Properties config = new Properties();
        config.setProperty("name", "portal-outbox-" + database.name());
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("tasks.max", "1");
        config.setProperty("topic.prefix", "portal-outbox-" + database.name());

        config.setProperty("database.hostname", database.host());
        config.setProperty("database.port", Integer.toString(database.port()));
        config.setProperty("database.dbname", database.name());
        config.setProperty("database.user", database.username());
        config.setProperty("database.password", database.password() == null ? "" : database.password());
        config.setProperty("database.tcpKeepAlive", "true");

        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", slotName(properties, database));
        config.setProperty("publication.name", properties.publicationName());
        config.setProperty("publication.autocreate.mode", "filtered");
        config.setProperty("table.include.list", schema + ".outbox," + schema + ".outbox_heartbeat");
        // Rows written before the slot existed are not events anyone waits for: readiness stays down until it exists.
        config.setProperty("snapshot.mode", "no_data");
        config.setProperty("skipped.operations", "t");
        config.setProperty("tombstones.on.delete", "false");

        // Positions are stored in the service's own database, so they survive restarts and move with leadership.
        config.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        config.setProperty("offset.storage.jdbc.connection.url", database.jdbcUrl());
        config.setProperty("offset.storage.jdbc.connection.user", database.username());
        config.setProperty("offset.storage.jdbc.connection.password", database.password() == null ? "" : database.password());
        // unqualified: the store checks for the table by this exact name in the connection's metadata
        config.setProperty("offset.storage.jdbc.table.name", "outbox_relay_offsets");
        config.setProperty("offset.flush.interval.ms", Long.toString(properties.offsetFlushInterval().toMillis()));
        config.setProperty("offset.flush.timeout.ms", "10000");

        config.setProperty("heartbeat.interval.ms", Long.toString(properties.heartbeatInterval().toMillis()));
        config.setProperty("heartbeat.action.query", "insert into " + schema + ".outbox_heartbeat (id, beat_at) values (1, now())"
                + " on conflict (id) do update set beat_at = excluded.beat_at");

        config.setProperty("poll.interval.ms", Long.toString(properties.pollInterval().toMillis()));
        config.setProperty("max.batch.size", Integer.toString(properties.maxBatchSize()));
        config.setProperty("max.queue.size", Integer.toString(properties.maxBatchSize() * 4));
        config.setProperty("key.converter.schemas.enable", "false");
        config.setProperty("value.converter.schemas.enable", "false");
        config.setProperty("errors.max.retries", "3");
        return config;
    }
}
