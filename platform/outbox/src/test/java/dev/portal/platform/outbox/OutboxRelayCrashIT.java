package dev.portal.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventTypes;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.PostgresServer;
import dev.portal.platform.test.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay runs in its own JVM and is killed with SIGKILL while a writer keeps committing events. After a
 * restart, every committed event is on Kafka: no gaps, per-key order kept, and duplicates only as exact copies
 * (same event id) that the consumers' inboxes drop.
 */
class OutboxRelayCrashIT {

    static final String TOPIC = Topics.FULFILLMENT_EVENTS.name();
    static final int KEYS = 20;
    static final int TRANSACTIONS = 300;
    static final int EVENTS_PER_TRANSACTION = 10;

    @Test
    void a_relay_killed_mid_stream_and_restarted_leaves_no_gap() throws Exception {
        PostgresServer postgres = TestInfrastructure.postgres();
        String database = postgres.createDatabase("outbox_crash");
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(database));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String slot = "portal_outbox_" + database;

        List<Process> relays = new ArrayList<>();
        try (KafkaRecorder recorder = new KafkaRecorder(bootstrap, TOPIC)) {
            Process relay = startRelay(postgres, database, bootstrap, 1);
            relays.add(relay);
            awaitSlotActive(jdbc, slot);

            Outbox outbox = new Outbox(jdbc, new EventCodec(EventTypes.of()), "public", URI.create("urn:portal:crash-it"),
                    Clock.systemUTC(), UUID::randomUUID, Outbox.TraceContext.NONE);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            List<UUID> written = new CopyOnWriteArrayList<>();
            String run = UUID.randomUUID().toString().substring(0, 8);
            Thread writer = Thread.ofPlatform().name("outbox-writer").start(() -> {
                int[] sequence = new int[KEYS];
                for (int t = 0; t < TRANSACTIONS; t++) {
                    transactions.executeWithoutResult(tx -> {
                        for (int e = 0; e < EVENTS_PER_TRANSACTION; e++) {
                            int key = (int) (Math.random() * KEYS);
                            written.add(outbox.publish(Topics.FULFILLMENT_EVENTS, new SequencedEvent(run + "-" + key, ++sequence[key])));
                        }
                    });
                    sleep(Duration.ofMillis(20));
                }
            });

            int total = TRANSACTIONS * EVENTS_PER_TRANSACTION;
            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.records().size() >= total / 4);
            relay.destroyForcibly().waitFor();
            int seenAtKill = recorder.records().size();
            int writtenAtKill = written.size();
            relay = startRelay(postgres, database, bootstrap, 2);
            relays.add(relay);

            writer.join(Duration.ofMinutes(2));
            assertThat(written).hasSize(total);
            assertThat(writtenAtKill).as("the writer was still writing when the relay died").isLessThan(total);
            await().atMost(Duration.ofSeconds(90)).until(() -> recorder.distinctEventIds() >= total);

            List<ConsumerRecord<String, byte[]>> received = recorder.records().stream()
                    .filter(r -> r.key().startsWith(run + "-")).toList();
            Set<String> distinct = new HashSet<>();
            Map<String, List<Integer>> firstSeenOrder = new LinkedHashMap<>();
            Map<String, String> payloadById = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : received) {
                String id = KafkaRecorder.header(record, "ce_id");
                String payload = new String(record.value());
                String earlier = payloadById.putIfAbsent(id, payload);
                assertThat(earlier == null || earlier.equals(payload)).as("a duplicate is an exact copy of %s", id).isTrue();
                if (distinct.add(id)) {
                    firstSeenOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(OutboxRelayIT.sequenceOf(record));
                }
            }
            assertThat(distinct).as("no committed event is missing").containsExactlyInAnyOrderElementsOf(
                    written.stream().map(UUID::toString).toList());
            firstSeenOrder.forEach((key, sequences) -> assertThat(sequences).as("order of %s", key).isSorted()
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, sequences.size()).boxed().toList()));
            System.out.printf("outbox crash test: %d events committed, relay killed after %d records on Kafka (%d written),"
                            + " %d records received, %d duplicate(s) dropped by event id%n",
                    total, seenAtKill, writtenAtKill, received.size(), received.size() - distinct.size());
        } finally {
            // whatever happened, no relay JVM outlives the test
            for (Process relay : relays) {
                relay.destroyForcibly().waitFor();
            }
        }
    }

    private static Process startRelay(PostgresServer postgres, String database, String bootstrap, int generation) throws IOException {
        Path log = Path.of("target", "relay-process-" + generation + ".log");
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RelayProcess.class.getName(),
                "--spring.application.name=relay-child",
                "--spring.main.keep-alive=true",
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--portal.outbox.leader-check-interval=500ms")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitSlotActive(JdbcClient jdbc, String slot) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("select active from pg_replication_slots where slot_name = ?").param(slot)
                        .query(Boolean.class).optional().orElse(false));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
