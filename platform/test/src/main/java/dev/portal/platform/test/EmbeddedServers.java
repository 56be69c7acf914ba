package dev.portal.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** In-JVM servers: a KRaft broker from spring-kafka-test and a PostgreSQL from zonky's binaries. */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    static KafkaServer kafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // Topics are declared by the services (one catalogue); a typo must fail, not create a topic.
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        String bootstrap = broker.getBrokersAsString();
        return () -> bootstrap;
    }

    static PostgresServer postgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "64")
                    .setServerConfig("max_wal_senders", "64")
                    .setServerConfig("max_connections", "400")
                    // durability is not under test here; speed is welcome on 2 cores
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer() {
                @Override public String host() { return "localhost"; }
                @Override public int port() { return postgres.getPort(); }
                @Override public String username() { return "postgres"; }
                @Override public String password() { return "postgres"; }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }
}
