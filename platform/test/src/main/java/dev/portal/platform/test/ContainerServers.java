package dev.portal.platform.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same servers as Docker containers, for machines with a Docker engine. Ryuk removes them at JVM exit. */
final class ContainerServers {

    static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private ContainerServers() {
    }

    static KafkaServer kafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        kafka.start();
        return kafka::getBootstrapServers;
    }

    static PostgresServer postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=64",
                        "-c", "max_wal_senders=64", "-c", "max_connections=400", "-c", "fsync=off");
        postgres.start();
        return new PostgresServer() {
            @Override public String host() { return postgres.getHost(); }
            @Override public int port() { return postgres.getMappedPort(5432); }
            @Override public String username() { return postgres.getUsername(); }
            @Override public String password() { return postgres.getPassword(); }
        };
    }
}
