package dev.portal.cdcbridge;

import dev.portal.cdcbridge.publishing.ChangeHeaders;
import dev.portal.platform.test.TcpProxy;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.PreboundSocketFactoryManager;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.portal.cdcbridge.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes away for 10 s while the bridge is forwarding a stream of change events: the bridge publishes to a
 * broker of its own through a TCP proxy that is closed (open connections dropped, new ones refused) and opened
 * again. Then every replay id is on Kafka (zero gaps, duplicates counted) and the checkpoint was never ahead of
 * Kafka: it is sampled all along and compared with the partitions' high watermarks read inside the broker, so the
 * samples need no network path to Kafka and keep coming during the cut.
 *
 * <p>The broker is this test's own because it must ADVERTISE the proxy's address: a client takes the broker's
 * address from the metadata, so a proxy only in the bootstrap list would be bypassed after the first request. The
 * proxy listens before the broker starts (the broker's inter-broker listener is the advertised one); the controller
 * listener stays direct.
 */
class CdcKafkaOutageIT {

    private static final Logger log = LoggerFactory.getLogger(CdcKafkaOutageIT.class);
    private static final String ACCOUNTS = "/data/AccountChangeEvent";
    private static final String TOPIC = "salesforce.cdc.account";
    private static final int LOADS = 8;
    private static final int PER_LOAD = 400;
    private static final Duration CUT = Duration.ofSeconds(10);

    /** A checkpoint read at some moment and the topic's high watermarks read inside the broker right after it. */
    record Sample(long checkpoint, Map<Integer, Long> highWatermarks, boolean duringCut) {
    }

    /** The replay ids of one bulk load: {@code count} events from {@code first} to {@code last}. */
    record Load(long first, long last, int count) {
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile boolean sampling = true;
    private volatile boolean cut;

    @AfterEach
    void close() throws Exception {
        sampling = false;
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void every_replay_id_reaches_kafka_when_the_connection_to_kafka_is_cut_for_ten_seconds_mid_stream(TestInfo test)
            throws Exception {
        long started = System.nanoTime();
        int proxyPort = TcpProxy.freeLoopbackPort();
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxyPort)
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        resources.add(kafka);
        BrokerServer broker = kafka.brokers().values().iterator().next();
        // the test kit bound the broker's listener port already (its config still says port 0)
        Field sockets = KafkaClusterTestKit.class.getDeclaredField("socketFactoryManager");
        sockets.setAccessible(true);
        int brokerPort = ((PreboundSocketFactoryManager) sockets.get(kafka)).getOrCreatePortForListener(
                kafka.brokers().keySet().iterator().next(), "EXTERNAL");
        TcpProxy proxy = TcpProxy.on(proxyPort, "127.0.0.1", brokerPort).start();
        resources.add(proxy);
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();

        BridgeFixture f = new BridgeFixture(test.getTestMethod().orElseThrow().getName());
        resources.add(f);
        // a send must fail within the cut (not wait it out), so the bridge's recovery path is what is under test
        f.start(f.settings("portal.cdc.channels=" + ACCOUNTS,
                "spring.kafka.bootstrap-servers=127.0.0.1:" + proxyPort,
                "spring.kafka.producer.properties.request.timeout.ms=2000",
                "spring.kafka.producer.properties.delivery.timeout.ms=4000",
                "spring.kafka.producer.properties.max.block.ms=3000",
                "portal.cdc.send-timeout=5s"));
        double startup = (System.nanoTime() - started) / 1e9;

        List<Sample> samples = new CopyOnWriteArrayList<>();
        Thread sampler = Thread.ofPlatform().daemon().name("checkpoint-sampler").start(() -> sample(f, broker, samples));
        long streamStarted = System.nanoTime();
        List<Load> loads = new CopyOnWriteArrayList<>();
        loads.add(load(f));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.checkpoint(ACCOUNTS).orElse(0) >= loads.getFirst().first());

        // the stream goes on (a load a second) while Kafka is cut off for CUT, starting mid-load
        Thread loader = Thread.ofPlatform().daemon().name("loader").start(() -> {
            for (int i = 1; i < LOADS; i++) {
                loads.add(load(f));
                sleep(Duration.ofSeconds(1));
            }
        });
        sleep(Duration.ofMillis(1500));
        long checkpointAtCut = f.checkpoint(ACCOUNTS).orElse(0);
        cut = true;
        proxy.close();
        sleep(CUT);
        long checkpointAfterCut = f.checkpoint(ACCOUNTS).orElse(0);
        proxy.start();
        cut = false;
        loader.join(Duration.ofSeconds(30));
        assertThat(loads).hasSize(LOADS);
        assertThat(checkpointAtCut).as("the cut came mid-stream").isLessThan(loads.getLast().first());

        long lastId = loads.getLast().last();
        await().atMost(Duration.ofSeconds(60)).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == lastId);
        double seconds = (System.nanoTime() - streamStarted) / 1e9;
        sampling = false;
        sampler.join(5000);

        // zero gaps: each load's events are all on Kafka (replay ids are not contiguous, so count per load)
        List<ConsumerRecord<String, byte[]>> records = readAll("127.0.0.1:" + proxyPort);
        Map<Long, Long> perReplayId = records.stream()
                .collect(Collectors.groupingBy(r -> Long.parseLong(header(r, ChangeHeaders.REPLAY_ID)), Collectors.counting()));
        assertThat(loads).allSatisfy(load -> assertThat(perReplayId.keySet().stream()
                .filter(id -> id >= load.first() && id <= load.last()).count()).as("events of %s on Kafka", load).isEqualTo(load.count()));
        assertThat(perReplayId).hasSize(LOADS * PER_LOAD).containsKeys(loads.getFirst().first(), lastId);
        long duplicates = records.size() - (long) LOADS * PER_LOAD;

        // the checkpoint never led Kafka, during the cut included
        Map<Long, ConsumerRecord<String, byte[]>> byReplayId = records.stream().collect(Collectors.toMap(
                r -> Long.parseLong(header(r, ChangeHeaders.REPLAY_ID)), Function.identity(), (a, b) -> a.offset() <= b.offset() ? a : b));
        List<Sample> meaningful = samples.stream().filter(s -> s.checkpoint() >= loads.getFirst().first()).toList();
        long duringCut = meaningful.stream().filter(Sample::duringCut).count();
        assertThat(meaningful).hasSizeGreaterThan(20);
        assertThat(duringCut).as("samples during the cut").isGreaterThan(10);
        assertThat(meaningful).allSatisfy(sample -> {
            ConsumerRecord<String, byte[]> record = byReplayId.get(sample.checkpoint());
            assertThat(record).as("checkpoint %d on Kafka", sample.checkpoint()).isNotNull();
            assertThat(record.offset()).as("checkpoint %d was on Kafka when it was read", sample.checkpoint())
                    .isLessThan(sample.highWatermarks().get(record.partition()));
        });
        log.info("kafka outage run: {} events in {} s with a {} s cut to Kafka (broker + bridge start {} s), {} records on Kafka, "
                        + "{} duplicates, 0 gaps, {} checkpoint samples ({} during the cut) none ahead; checkpoint at the cut {}, "
                        + "when it healed {}, last {}",
                LOADS * PER_LOAD, String.format("%.1f", seconds), CUT.toSeconds(), String.format("%.1f", startup), records.size(),
                duplicates, meaningful.size(), duringCut, checkpointAtCut, checkpointAfterCut, lastId);
    }

    private static Load load(BridgeFixture f) {
        JsonNode load = BridgeFixture.JSON.readTree(f.sandbox.admin("POST", BridgeFixture.STREAMING + "events/load",
                "{\"entityName\":\"Account\",\"count\":" + PER_LOAD + "}"));
        return new Load(load.path("firstReplayId").asLong(), load.path("lastReplayId").asLong(), PER_LOAD);
    }

    /** Every record of the account topic (this broker holds nothing else of it). */
    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Checkpoint first, high watermarks right after: a checkpoint's record must be below them. */
    private void sample(BridgeFixture f, BrokerServer broker, List<Sample> samples) {
        while (sampling) {
            boolean duringCut = cut;
            OptionalLong checkpoint = f.checkpoint(ACCOUNTS);
            Map<Integer, Long> highWatermarks = highWatermarks(broker);
            if (checkpoint.isPresent() && highWatermarks != null) {
                samples.add(new Sample(checkpoint.getAsLong(), highWatermarks, duringCut && cut));
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private static Map<Integer, Long> highWatermarks(BrokerServer broker) {
        Map<Integer, Long> highWatermarks = new HashMap<>();
        for (int partition = 0; ; partition++) {
            TopicPartition tp = new TopicPartition(TOPIC, partition);
            if (broker.replicaManager().onlinePartition(tp).isEmpty()) {
                return highWatermarks.isEmpty() ? null : highWatermarks;
            }
            highWatermarks.put(partition, broker.replicaManager().onlinePartition(tp).get().localLogOrException().highWatermark());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
