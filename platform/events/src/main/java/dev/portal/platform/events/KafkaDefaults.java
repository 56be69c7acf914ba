package dev.portal.platform.events;

import dev.portal.platform.service.PlatformDefaults;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;

/** The suite's Kafka conventions (see {@link PlatformDefaults}). */
class KafkaDefaults extends PlatformDefaults {

    KafkaDefaults() {
        super("portal-kafka-defaults");
    }

    @Override
    protected void contribute(Map<String, Object> defaults, ConfigurableEnvironment environment) {
        defaults.put("spring.kafka.bootstrap-servers", "${PORTAL_KAFKA_BOOTSTRAP_SERVERS:localhost:9092}");
        defaults.put("spring.kafka.client-id", "${spring.application.name:portal}");
        // Envelopes are written and read as bytes + headers (CloudEvents binary mode), see EventEnvelope.
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        // Acknowledged means replicated; idempotence keeps per-partition order across retries.
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        // Every call to the broker is bounded in time: a dead broker fails sends, it does not hang them.
        defaults.put("spring.kafka.producer.properties.max.block.ms", "10000");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
        defaults.put("spring.kafka.admin.operation-timeout", "10s");
        defaults.put("spring.kafka.admin.close-timeout", "5s");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("logging.level.org.apache.kafka", "WARN");
        defaults.put("logging.level.kafka", "WARN");
    }
}
