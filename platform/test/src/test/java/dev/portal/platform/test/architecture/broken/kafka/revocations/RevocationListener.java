package dev.portal.platform.test.architecture.broken.kafka.revocations;

import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A consumer thread built by hand. */
public class RevocationListener {

    public KafkaConsumer<String, String> consumer(String servers) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", servers), new StringDeserializer(), new StringDeserializer());
    }
}
