package dev.portal.notification.feed;

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
 * Rebuilds the log when this instance is given the topic's partitions: the first time, it seeks each back to the
 * first record of the last {@code max-age} (like platform-stream's {@code SeekToTime}), then tells the log where
 * reading starts and where the partition ended at that moment, so that the log knows what it covers and when it is
 * complete.
 */
final class FeedRebuild implements KafkaBindingRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(FeedRebuild.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final String binding;
    private final Duration lookback;
    private final Clock clock;
    private final RecentNotifications recent;
    private final Set<TopicPartition> rebuilt = ConcurrentHashMap.newKeySet();

    FeedRebuild(String binding, Duration lookback, Clock clock, RecentNotifications recent) {
        this.binding = binding;
        this.lookback = lookback;
        this.clock = clock;
        this.recent = recent;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     boolean initial) {
        if (!binding.equals(bindingName) || partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> fresh = partitions.stream().filter(partition -> !rebuilt.contains(partition)).toList();
        Instant since = clock.instant().minus(lookback);
        if (!fresh.isEmpty()) {
            Map<TopicPartition, Long> query = new HashMap<>();
            fresh.forEach(partition -> query.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query, METADATA_TIMEOUT);
            for (TopicPartition partition : fresh) {
                OffsetAndTimestamp offset = offsets.get(partition);
                if (offset == null) {
                    consumer.seekToEnd(List.of(partition)); // nothing recorded since then
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        String topic = partitions.iterator().next().topic();
        int count = consumer.partitionsFor(topic, METADATA_TIMEOUT).size();
        long toRead = 0;
        for (TopicPartition partition : partitions) {
            long start = consumer.position(partition, METADATA_TIMEOUT);
            long end = ends.getOrDefault(partition, start);
            recent.assigned(count, partition.partition(), start, end);
            rebuilt.add(partition);
            toRead += Math.max(0, end - start);
        }
        if (!fresh.isEmpty()) {
            log.info("rebuilding the notification log: {} of {} partitions of {} from {} ({} ago), {} records to read",
                    fresh.size(), count, topic, since, lookback, toRead);
        }
    }
}
