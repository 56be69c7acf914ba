package dev.portal.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Inspects and replays dead-letter topics. A replay sends each dead record, unchanged (same key, value and
 * CloudEvents headers, so the same event id), back to the topic it came from; consumers' inboxes drop what
 * they had already applied. Only records that failed in one of this service's consumer groups are replayed;
 * progress is kept as the committed offset of a group of its own, so a replay never sends a record twice.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String REPLAYED_FROM = "portal_replayed_from";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> template;
    private final String replayGroup;
    private final Supplier<Set<String>> ownConsumerGroups;

    public DeadLetters(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> template,
                       String replayGroup, Supplier<Set<String>> ownConsumerGroups) {
        this.consumers = consumers;
        this.template = template;
        this.replayGroup = replayGroup;
        this.ownConsumerGroups = ownConsumerGroups;
    }

    /** Records not yet replayed, per dead-letter topic (whatever consumer group they came from). */
    public Map<String, Long> pending(Collection<String> deadLetterTopics) {
        Map<String, Long> pending = new LinkedHashMap<>();
        try (Consumer<String, byte[]> consumer = consumer()) {
            for (String topic : deadLetterTopics) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, POLL.multipliedBy(10));
                Map<TopicPartition, Long> starts = startOffsets(consumer, partitions);
                long count = 0;
                for (TopicPartition partition : partitions) {
                    count += ends.get(partition) - starts.get(partition);
                }
                pending.put(topic, count);
            }
        }
        return pending;
    }

    /**
     * Replays at most {@code limit} records of one dead-letter topic, in partition order.
     *
     * @return how many records were sent back to their original topic
     */
    public int replay(String deadLetterTopic, int limit) {
        if (!deadLetterTopic.endsWith(Topic.DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic");
        }
        Set<String> groups = ownConsumerGroups.get();
        int replayed = 0;
        try (Consumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, POLL.multipliedBy(10));
            Map<TopicPartition, Long> starts = startOffsets(consumer, partitions);
            consumer.assign(partitions);
            starts.forEach(consumer::seek);
            Map<TopicPartition, Long> positions = new HashMap<>(starts);
            while (replayed < limit && positions.entrySet().stream().anyMatch(e -> e.getValue() < ends.get(e.getKey()))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition) || replayed >= limit) {
                        continue;
                    }
                    if (groups.contains(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                        send(record);
                        replayed++;
                    }
                    positions.put(partition, record.offset() + 1);
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        log.info("replayed {} record(s) from {}", replayed, deadLetterTopic);
        return replayed;
    }

    private void send(ConsumerRecord<String, byte[]> record) {
        String originalTopic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null) {
            throw new IllegalStateException("dead record " + record.topic() + "@" + record.offset() + " names no original topic");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            template.send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not replay " + record.topic() + "@" + record.offset() + " to " + originalTopic, e);
        }
    }

    private Consumer<String, byte[]> consumer() {
        Map<String, Object> overrides = Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, replayGroup,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return consumers.createConsumer(replayGroup, replayGroup + "-", null, toProperties(overrides));
    }

    private static java.util.Properties toProperties(Map<String, Object> map) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(map);
        return properties;
    }

    private static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, POLL.multipliedBy(10))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    private static Map<TopicPartition, Long> startOffsets(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), POLL.multipliedBy(10));
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, POLL.multipliedBy(10));
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            starts.put(partition, Math.max(offset == null ? 0 : offset.offset(), beginnings.get(partition)));
        }
        return starts;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
