package dev.portal.catalog.invalidation;

import dev.portal.catalog.snapshot.CatalogCache;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * The binder's hook on partition assignment. The group starts at the topics' end, so the snapshot must be read
 * after the consumer has its positions: they are resolved here, then the cache reloads ({@link CatalogCache#listening()}),
 * so nothing published before is needed and nothing after is missed.
 */
@Component
class ChangeTopicsAssignment implements KafkaBindingRebalanceListener {

    static final String BINDING = "catalogChanges-in-0";

    private volatile boolean assigned;

    private final CatalogCache cache;

    ChangeTopicsAssignment(CatalogCache cache) {
        this.cache = cache;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     boolean initial) {
        if (!BINDING.equals(bindingName)) {
            return;
        }
        partitions.forEach(consumer::position);
        cache.listening();
        assigned = !partitions.isEmpty();
    }

    /** Whether this instance has its positions on the change topics (it then sees every later change). */
    boolean assigned() {
        return assigned;
    }
}
