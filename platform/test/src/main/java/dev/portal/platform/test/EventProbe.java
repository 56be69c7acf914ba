package dev.portal.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Looks for events on real Kafka, from a point in time on: records written before it (by earlier tests, say) are not
 * seen. Make one when a test starts ({@link #fromNow()}), act, then {@link #await(String, String, String)} the event
 * the action should have published. Each call reads the topic afresh with a consumer of its own, without a group, so
 * calls never steal records from one another or from the service under test.
 */
public final class EventProbe {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int SEEN_IN_FAILURES = 10;

    private final String bootstrapServers;
    private final Instant from;
    private final Duration timeout;

    private EventProbe(String bootstrapServers, Instant from, Duration timeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.from = Objects.requireNonNull(from, "from");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Events written from now on, on the per-JVM test broker. */
    public static EventProbe fromNow() {
        return since(Instant.now());
    }

    /** Everything on the per-JVM test broker, however old. */
    public static EventProbe fromBeginning() {
        return since(Instant.EPOCH);
    }

    /** Events whose Kafka timestamp is at or after {@code from}, on the per-JVM test broker. */
    public static EventProbe since(Instant from) {
        return new EventProbe(TestInfrastructure.kafka().bootstrapServers(), from, DEFAULT_TIMEOUT);
    }

    /** The same probe on another broker (a test that starts its own). */
    public EventProbe on(String otherBootstrapServers) {
        return new EventProbe(otherBootstrapServers, from, timeout);
    }

    /** How long {@code await} waits before it fails the test (a minute unless changed: the outbox relay is asynchronous). */
    public EventProbe within(Duration awaitTimeout) {
        return new EventProbe(bootstrapServers, from, awaitTimeout);
    }

    /**
     * The first event on {@code topic} with this key and CloudEvents type, waiting for it.
     *
     * @param key  the Kafka key (the aggregate id); null matches any key
     * @param type the {@code ce_type}; null matches any type
     * @throws AssertionError when none comes in time, listing what the topic held instead
     */
    public ReceivedEvent await(String topic, String key, String type) {
        return await(topic, key, type, 1).getFirst();
    }

    /** The first {@code count} matching events, in partition order, waiting for them. */
    public List<ReceivedEvent> await(String topic, String key, String type, int count) {
        Predicate<ReceivedEvent> matching = matching(key, type);
        Instant deadline = Instant.now().plus(timeout);
        List<ReceivedEvent> found = new ArrayList<>();
        Deque<String> seen = new ArrayDeque<>();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
            if (partitions.isEmpty()) {
                throw new AssertionError("no topic " + topic + " appeared within " + timeout + " (waiting for " + describe(key, type) + ")");
            }
            seekToStart(consumer, partitions);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    read++;
                    Optional<ReceivedEvent> event = ReceivedEvent.of(record);
                    if (event.isPresent() && matching.test(event.get())) {
                        found.add(event.get());
                    } else {
                        remember(seen, event.map(ReceivedEvent::toString).orElse("not a CloudEvent key=" + record.key()));
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " x " + describe(key, type) + " on " + topic + " since " + from
                    + " within " + timeout + ", found " + found.size() + " among " + read + " records read; last others: " + seen);
        }
        return List.copyOf(found.subList(0, count));
    }

    /**
     * Every matching event on {@code topic} now, without waiting for more: reads up to the end of each partition as it
     * is when called. With {@link #await} first, this shows that something happened once and only once.
     */
    public List<ReceivedEvent> received(String topic, String key, String type) {
        Predicate<ReceivedEvent> matching = matching(key, type);
        Instant deadline = Instant.now().plus(timeout);
        List<ReceivedEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            seekToStart(consumer, partitions);
            while (!reached(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " up to " + ends + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        ReceivedEvent.of(record).filter(matching).ifPresent(found::add);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "event-probe");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The topic's partitions, waiting for the topic to be created (a service creates its topics when it starts). */
    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer, String topic, Instant deadline) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for topic " + topic, e);
            }
            partitions = partitions(consumer, topic);
        }
        return partitions;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(10)).getOrDefault(topic, List.of());
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /**
     * Positions each partition at its first record at or after {@code from}. The end offsets are taken first: a
     * partition with nothing that recent starts at that end, so a record appended meanwhile is still read.
     */
    private void seekToStart(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Predicate<ReceivedEvent> matching(String key, String type) {
        return event -> (key == null || key.equals(event.key())) && (type == null || type.equals(event.type()));
    }

    private static String describe(String key, String type) {
        return (type == null ? "any type" : type) + " with key " + (key == null ? "(any)" : key);
    }

    private static void remember(Deque<String> seen, String description) {
        seen.addLast(description);
        if (seen.size() > SEEN_IN_FAILURES) {
            seen.removeFirst();
        }
    }
}
