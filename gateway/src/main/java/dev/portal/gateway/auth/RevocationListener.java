package dev.portal.gateway.auth;

import dev.portal.gateway.config.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code portal.identity.sessions-revoked.v1} from identity's user-event topic into {@link SessionVersions}.
 * Every instance reads every partition itself (manual assignment, no consumer group, nothing committed), starting
 * {@code lookback} ago: a revocation older than the longest token lifetime cannot matter any more. Kafka being away
 * is logged and retried; it never stops the gateway from serving (revocation then lags until Kafka is back).
 */
class RevocationListener implements SmartLifecycle {

    static final String TYPE = "portal.identity.sessions-revoked.v1";

    private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

    private final GatewayProperties.Revocation settings;
    private final SessionVersions versions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private boolean waitingForTopic;

    RevocationListener(GatewayProperties.Revocation settings, SessionVersions versions, Clock clock) {
        this.settings = settings;
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("revocation-listener").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
                consumer = kafka;
                if (!assign(kafka)) {
                    sleep(settings.retryInterval());
                    continue;
                }
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofSeconds(1))) {
                        apply(record);
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                log.warn("revocation events unavailable ({}); retrying in {}", e.toString(), settings.retryInterval());
                sleep(settings.retryInterval());
            } finally {
                consumer = null;
            }
        }
    }

    private boolean assign(KafkaConsumer<byte[], byte[]> kafka) {
        List<PartitionInfo> partitions = kafka.partitionsFor(settings.topic(), Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            if (!waitingForTopic) {
                log.info("topic {} not there yet; revocation events will be read once it exists", settings.topic());
                waitingForTopic = true;
            }
            return false;
        }
        waitingForTopic = false;
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        kafka.assign(assigned);
        long since = clock.instant().minus(settings.lookback()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        assigned.forEach(partition -> query.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(query, Duration.ofSeconds(10));
        for (TopicPartition partition : assigned) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                kafka.seekToEnd(List.of(partition)); // nothing newer than the lookback on this partition
            } else {
                kafka.seek(partition, offset.offset());
            }
        }
        log.info("reading revocations from {} ({} partitions, since {})", settings.topic(), assigned.size(), settings.lookback());
        return true;
    }

    void apply(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || !TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return; // other user events are not the gateway's business
        }
        try {
            JsonNode data = json.readTree(record.value());
            String userId = data.path("userId").asString("");
            JsonNode version = data.path("sessionVersion");
            if (userId.isBlank() || !version.isIntegralNumber()) {
                log.warn("ignoring malformed {} at {}-{}@{}", TYPE, record.topic(), record.partition(), record.offset());
                return;
            }
            versions.revoked(userId, version.asInt());
            log.info("sessions of user {} revoked up to version {}", userId, version.asInt());
        } catch (RuntimeException e) {
            log.warn("ignoring unreadable {} at {}-{}@{}: {}", TYPE, record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-revocations");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        return properties;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
