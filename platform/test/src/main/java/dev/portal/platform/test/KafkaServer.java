package dev.portal.platform.test;

/** A running Kafka broker for tests. */
public interface KafkaServer {

    String bootstrapServers();
}
