package dev.portal.cdcbridge;

import dev.portal.cdcbridge.publishing.ChangeHeaders;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.inbox.Inbox;
import dev.portal.platform.test.TcpProxy;
import dev.portal.platform.test.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.portal.cdcbridge.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Must show of the bridge: 5,000 change events created in the sandbox in ten bulk loads while the bridge JVM is
 * killed (SIGKILL) twice, the Salesforce session expires once and the connection to Salesforce (a TCP proxy) is cut
 * for longer than the server's reconnect window, so the server forgets the client. Then: every replay id is on
 * Kafka (zero gaps), a consumer with platform-inbox counts and drops the duplicates, and the checkpoint was never
 * ahead of Kafka (sampled all along: each sampled checkpoint's record was already in the topic when it was read).
 */
class CdcBridgeFaultIT {

    private static final Logger log = LoggerFactory.getLogger(CdcBridgeFaultIT.class);
    private static final String ACCOUNTS = "/data/AccountChangeEvent";
    private static final String TOPIC = "salesforce.cdc.account";
    private static final int LOADS = 10;
    private static final int PER_LOAD = 500;
    /** The sandbox forgets a client that has not connected for this long (Salesforce: 40 s), set by the fixture. */
    private static final Duration RECONNECT_WINDOW = Duration.ofSeconds(3);

    /** A checkpoint read at some moment and the topic's end offsets read right after it. */
    record Sample(long checkpoint, Map<TopicPartition, Long> endOffsets) {
    }

    /** The replay ids of one bulk load: {@code count} events from {@code first} to {@code last}. */
    record Load(long first, long last, int count) {
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile boolean sampling = true;

    @AfterEach
    void close() throws Exception {
        sampling = false;
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void every_replay_id_reaches_kafka_through_two_kills_a_session_expiry_and_a_cut_longer_than_the_reconnect_window(
            TestInfo test) throws Exception {
        BridgeFixture f = new BridgeFixture(test.getTestMethod().orElseThrow().getName());
        resources.add(f);
        URI sandbox = f.sandbox.url("/salesforce");
        TcpProxy salesforce = TcpProxy.to(sandbox.getHost(), sandbox.getPort()).start();
        resources.add(salesforce);
        Map<String, String> settings = f.settings("portal.cdc.channels=" + ACCOUNTS,
                "portal.clients.salesforce.base-url=http://127.0.0.1:" + salesforce.port() + "/salesforce");
        Path logs = Path.of("target", "bridge-processes");

        BridgeProcess first = bridge(settings, logs.resolve("first.log"));
        f.readFromNow();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Thread sampler = Thread.ofPlatform().daemon().name("checkpoint-sampler").start(() -> sample(f, samples));
        long started = System.nanoTime();
        List<Load> loads = new ArrayList<>();

        // 1. kill while a load is being forwarded; the next load is created while no bridge runs
        loads.add(load(f));
        await().atMost(Duration.ofSeconds(60)).until(() -> onKafka(f, loads.getLast()) > 0);
        first.kill();
        long checkpointAtFirstKill = f.checkpoint(ACCOUNTS).orElse(0);
        loads.add(load(f));
        BridgeProcess second = bridge(settings, logs.resolve("second.log"));

        // 2. the session expires: the next connect answers 401, the bridge takes a new token and handshakes again
        loads.add(load(f));
        f.sandbox.admin("POST", "/sandbox/admin/salesforce/sessions/expire", null);
        loads.add(load(f));
        await().atMost(Duration.ofSeconds(120)).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == loads.getLast().last());

        // 3. the connection drops for longer than the reconnect window: the server forgets the client (403::Unknown client)
        salesforce.close();
        loads.add(load(f));
        loads.add(load(f));
        Thread.sleep(RECONNECT_WINDOW.plusSeconds(2));
        salesforce.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == loads.getLast().last());

        // 4. the second kill, again mid-stream, and a load while down
        loads.add(load(f));
        await().atMost(Duration.ofSeconds(60)).until(() -> onKafka(f, loads.getLast()) > 0);
        second.kill();
        long checkpointAtSecondKill = f.checkpoint(ACCOUNTS).orElse(0);
        loads.add(load(f));
        f.start(settings); // the last bridge runs in this JVM: nothing is killed any more
        loads.add(load(f));
        loads.add(load(f));

        long lastId = loads.getLast().last();
        await().atMost(Duration.ofSeconds(120)).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == lastId);
        double seconds = (System.nanoTime() - started) / 1e9;
        sampling = false;
        sampler.join(5000);

        // zero gaps: each load's events are all on Kafka (replay ids are not contiguous, so count per load)
        List<ConsumerRecord<String, byte[]>> records = f.drain().stream().filter(r -> r.topic().equals(TOPIC)).toList();
        Map<Long, Long> perReplayId = records.stream()
                .collect(Collectors.groupingBy(r -> Long.parseLong(header(r, ChangeHeaders.REPLAY_ID)), Collectors.counting()));
        assertThat(loads).hasSize(LOADS).allSatisfy(load -> assertThat(perReplayId.keySet().stream()
                .filter(id -> id >= load.first() && id <= load.last()).count()).as("events of %s on Kafka", load).isEqualTo(load.count()));
        assertThat(perReplayId).hasSize(LOADS * PER_LOAD);
        assertThat(perReplayId).containsKeys(loads.getFirst().first(), lastId);

        // duplicates: the consumer's inbox drops them, each event is applied exactly once
        Inbox inbox = inbox(f);
        List<Long> applied = new ArrayList<>();
        AtomicInteger duplicates = new AtomicInteger();
        for (ConsumerRecord<String, byte[]> record : records) {
            long replayId = Long.parseLong(header(record, ChangeHeaders.REPLAY_ID));
            if (!inbox.receive("cdc-fault-test", EventEnvelope.from(record), () -> { applied.add(replayId); })) {
                duplicates.incrementAndGet();
            }
        }
        assertThat(applied).hasSize(LOADS * PER_LOAD).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(perReplayId.keySet());
        assertThat(duplicates.get()).isEqualTo(records.size() - LOADS * PER_LOAD);

        // the checkpoint never led Kafka
        Map<Long, ConsumerRecord<String, byte[]>> byReplayId = records.stream().collect(Collectors.toMap(
                r -> Long.parseLong(header(r, ChangeHeaders.REPLAY_ID)), Function.identity(), (a, b) -> a.offset() <= b.offset() ? a : b));
        List<Sample> meaningful = samples.stream().filter(s -> s.checkpoint() >= loads.getFirst().first()).toList();
        assertThat(meaningful).hasSizeGreaterThan(20).allSatisfy(sample -> {
            ConsumerRecord<String, byte[]> record = byReplayId.get(sample.checkpoint());
            assertThat(record).as("checkpoint %d on Kafka", sample.checkpoint()).isNotNull();
            assertThat(record.offset()).as("checkpoint %d was on Kafka when it was read", sample.checkpoint())
                    .isLessThan(sample.endOffsets().get(new TopicPartition(TOPIC, record.partition())));
        });
        log.info("fault run: {} events in {} s ({} events/s incl. 2 bridge JVM starts, 2 SIGKILLs, a context start, a session expiry and a {} s cut), "
                        + "{} records on Kafka, {} duplicates dropped by the inbox, 0 gaps, {} checkpoint samples none ahead; "
                        + "checkpoint at the kills {} / {}",
                LOADS * PER_LOAD, String.format("%.1f", seconds), Math.round(LOADS * PER_LOAD / seconds),
                RECONNECT_WINDOW.plusSeconds(2).toSeconds(), records.size(), duplicates.get(), meaningful.size(),
                checkpointAtFirstKill, checkpointAtSecondKill);
    }

    private BridgeProcess bridge(Map<String, String> settings, Path log) {
        BridgeProcess process = BridgeProcess.start(settings, log);
        resources.add(process);
        // generous: a JVM start takes 5 s on a quiet machine, far longer beside other builds
        await().atMost(Duration.ofSeconds(120)).until(() -> process.logged("cdc bridge is the leader") || !process.alive());
        assertThat(process.alive()).as("bridge JVM started, see %s", log).isTrue();
        return process;
    }

    private static Load load(BridgeFixture f) {
        JsonNode load = BridgeFixture.JSON.readTree(f.sandbox.admin("POST", BridgeFixture.STREAMING + "events/load",
                "{\"entityName\":\"Account\",\"count\":" + PER_LOAD + "}"));
        return new Load(load.path("firstReplayId").asLong(), load.path("lastReplayId").asLong(), PER_LOAD);
    }

    private static long onKafka(BridgeFixture f, Load load) {
        return f.replayIdsOnKafka().stream().filter(id -> id >= load.first() && id <= load.last()).count();
    }

    /** A consumer's inbox (platform-inbox) in its own database. */
    private static Inbox inbox(BridgeFixture f) {
        String url = f.postgres().jdbcUrl(f.postgres().createDatabase("cdc_fault_consumer"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, f.postgres().username(), f.postgres().password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform/inbox").load().migrate();
        return new Inbox(JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new SimpleMeterRegistry());
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
