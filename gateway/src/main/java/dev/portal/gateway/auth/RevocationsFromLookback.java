package dev.portal.gateway.auth;

import dev.portal.platform.stream.SeekToTime;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * The revocations binding's start: each newly assigned partition is read from {@code lookback} ago
 * ({@link SeekToTime}), and {@link RevocationReadiness} learns where reading starts and where the partition ends now.
 */
final class RevocationsFromLookback implements KafkaBindingRebalanceListener {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final String binding;
    private final SeekToTime seek;
    private final RevocationReadiness readiness;

    RevocationsFromLookback(String binding, SeekToTime seek, RevocationReadiness readiness) {
        this.binding = binding;
        this.seek = seek;
        this.readiness = readiness;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     boolean initial) {
        seek.onPartitionsAssigned(bindingName, consumer, partitions, initial);
        if (!binding.equals(bindingName) || partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            positions.put(partition, consumer.position(partition, METADATA_TIMEOUT));
        }
        readiness.assigned(positions, consumer.endOffsets(partitions, METADATA_TIMEOUT));
    }
}
