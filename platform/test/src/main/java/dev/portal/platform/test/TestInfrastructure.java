package dev.portal.platform.test;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped at JVM exit.
 * Both are real servers: embedded by default, containers when Docker is there or selected
 * (see {@link InfrastructureMode}).
 */
public final class TestInfrastructure {

    private static KafkaServer kafka;
    private static PostgresServer postgres;
    private static InfrastructureMode mode;

    private TestInfrastructure() {
    }

    public static synchronized InfrastructureMode mode() {
        if (mode == null) {
            mode = InfrastructureMode.selected();
        }
        return mode;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = mode() == InfrastructureMode.TESTCONTAINERS ? ContainerServers.kafka() : EmbeddedServers.kafka();
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = mode() == InfrastructureMode.TESTCONTAINERS ? ContainerServers.postgres() : EmbeddedServers.postgres();
        }
        return postgres;
    }
}
