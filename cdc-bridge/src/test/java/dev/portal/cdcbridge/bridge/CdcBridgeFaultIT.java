package dev.portal.cdcbridge.bridge;

import dev.portal.platform.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.portal.cdcbridge.bridge.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 2000 events emitted in bulk while the bridge is closed mid-stream and started again, and the session expires once:
 * every replay id reaches Kafka, duplicates come only from after the checkpoint, and the checkpoint is never ahead
 * of Kafka (sampled all along: each sampled checkpoint's record was already in the topic when it was read).
 */
class CdcBridgeFaultIT {

    private static final Logger log = LoggerFactory.getLogger(CdcBridgeFaultIT.class);
    private static final String ACCOUNTS = "/data/AccountChangeEvent";
    private static final String TOPIC = "salesforce.cdc.account";
    private static final int EVENTS = 2000;

    /** A checkpoint read at some moment and the topic's end offsets read right after it. */
    record Sample(long checkpoint, Map<TopicPartition, Long> endOffsets) {
    }

    private BridgeFixture fixture;
    private volatile boolean sampling = true;

    @AfterEach
    void close() {
        sampling = false;
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void every_replay_id_reaches_kafka_through_a_restart_and_a_session_expiry_and_the_checkpoint_never_leads(
            org.junit.jupiter.api.TestInfo test) throws Exception {
        BridgeFixture f = new BridgeFixture(test.getTestMethod().orElseThrow().getName());
        fixture = f;
        ConfigurableApplicationContext first = f.start("portal.cdc.channels=" + ACCOUNTS, "portal.cdc.publish-mode=sync");
        f.readFromNow();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Thread sampler = Thread.ofPlatform().daemon().name("checkpoint-sampler").start(() -> sample(f, samples));

        long started = System.nanoTime();
        JsonNode load = BridgeFixture.JSON.readTree(f.sandbox.admin("POST", BridgeFixture.STREAMING + "events/load",
                "{\"entityName\":\"Account\",\"count\":" + EVENTS + "}"));
        long firstId = load.path("firstReplayId").asLong();
        long lastId = load.path("lastReplayId").asLong();

        await().atMost(Duration.ofSeconds(60)).until(() -> onKafka(f, firstId, lastId) >= EVENTS / 4);
        first.close();
        long checkpointAtClose = f.checkpoint(ACCOUNTS).orElseThrow();

        assertThat(checkpointAtClose).as("closed mid-stream").isBetween(firstId, lastId - 1);
        CdcLeader second = f.start("portal.cdc.channels=" + ACCOUNTS, "portal.cdc.publish-mode=sync").getBean(CdcLeader.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> onKafka(f, firstId, lastId) >= EVENTS * 3 / 5);
        f.sandbox.admin("POST", "/sandbox/admin/salesforce/sessions/expire", null);

        await().atMost(Duration.ofSeconds(90)).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == lastId);
        double seconds = (System.nanoTime() - started) / 1e9;
        // the expiry is noticed on the next /meta/connect, which can come after the last event was already delivered
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(second.streamingHealth().handshakes())
                .as("handshaked again with a new token").isGreaterThanOrEqualTo(2));
        sampling = false;
        sampler.join(5000);

        List<ConsumerRecord<String, byte[]>> records = f.drain().stream().filter(r -> r.topic().equals(TOPIC)).toList();
        Map<Long, Long> perReplayId = records.stream().collect(Collectors.groupingBy(r -> Long.parseLong(header(r, CdcPublisher.REPLAY_ID)),
                Collectors.counting()));
        assertThat(perReplayId.keySet()).hasSize(EVENTS).allSatisfy(id -> assertThat(id).isBetween(firstId, lastId));
        List<Long> duplicated = perReplayId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        assertThat(duplicated).as("only the unacknowledged tail after the checkpoint %d is sent again", checkpointAtClose)
                .allSatisfy(id -> assertThat(id).isGreaterThan(checkpointAtClose));

        Map<Long, ConsumerRecord<String, byte[]>> byReplayId = records.stream()
                .collect(Collectors.toMap(r -> Long.parseLong(header(r, CdcPublisher.REPLAY_ID)), Function.identity(), (a, b) -> a.offset() <= b.offset() ? a : b));
        List<Sample> meaningful = samples.stream().filter(s -> s.checkpoint() >= firstId).toList();
        assertThat(meaningful).hasSizeGreaterThan(10).allSatisfy(sample -> {
            ConsumerRecord<String, byte[]> record = byReplayId.get(sample.checkpoint());
            assertThat(record).as("checkpoint %d on Kafka", sample.checkpoint()).isNotNull();
            assertThat(record.offset()).as("checkpoint %d was on Kafka when it was read", sample.checkpoint())
                    .isLessThan(sample.endOffsets().get(new TopicPartition(TOPIC, record.partition())));
        });
        log.info("fault run: {} events in {} s ({} events/s incl. restart and re-handshake), {} records, {} duplicated replay ids, {} samples",
                EVENTS, String.format("%.1f", seconds), Math.round(EVENTS / seconds), records.size(), duplicated.size(), meaningful.size());
    }

    private static long onKafka(BridgeFixture f, long firstId, long lastId) {
        return f.replayIdsOnKafka().stream().filter(id -> id >= firstId && id <= lastId).count();
    }

    private void sample(BridgeFixture f, List<Sample> samples) {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>(IntStream.range(0, consumer.partitionsFor(TOPIC).size())
                    .mapToObj(p -> new TopicPartition(TOPIC, p)).toList());
            consumer.assign(partitions);
            while (sampling) {
                OptionalLong checkpoint = f.checkpoint(ACCOUNTS);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                checkpoint.ifPresent(c -> samples.add(new Sample(c, ends)));
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
