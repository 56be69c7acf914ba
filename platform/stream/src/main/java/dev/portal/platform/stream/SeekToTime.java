package dev.portal.platform.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Starts one binding at a point in time rather than at its group's committed offsets: the first time this process
 * is given a partition, it seeks to the first record written at or after {@code now - lookback} (to the end when
 * there is none). Meant for a broadcast binding (an instance-unique group) that needs recent history, e.g. the
 * gateway's revocations. Declare it as the service's {@link KafkaBindingRebalanceListener} bean (the binder
 * takes one; a service with several such bindings combines them in one).
 */
public final class SeekToTime implements KafkaBindingRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToTime.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final String binding;
    private final Duration lookback;
    private final Clock clock;
    private final Set<TopicPartition> sought = ConcurrentHashMap.newKeySet();

    /** @param binding the binding's name, e.g. {@code revocations-in-0} */
    public SeekToTime(String binding, Duration lookback, Clock clock) {
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("lookback must not be negative, was " + lookback);
        }
        this.binding = binding;
        this.lookback = lookback;
        this.clock = clock;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     boolean initial) {
        if (!binding.equals(bindingName)) {
            return;
        }
        // a partition handed back after a rebalance keeps its position: only the first assignment seeks
        List<TopicPartition> fresh = partitions.stream().filter(partition -> !sought.contains(partition)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Instant since = clock.instant().minus(lookback);
        Map<TopicPartition, Long> query = new HashMap<>();
        fresh.forEach(partition -> query.put(partition, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query, METADATA_TIMEOUT);
        for (TopicPartition partition : fresh) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition)); // nothing on it since then
            } else {
                consumer.seek(partition, offset.offset());
            }
            sought.add(partition);
        }
        log.info("{} reads {} partition(s) from {} ({} ago)", binding, fresh.size(), since, lookback);
    }
}
