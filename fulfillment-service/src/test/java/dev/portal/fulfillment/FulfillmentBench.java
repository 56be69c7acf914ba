package dev.portal.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.fulfillment.support.ApprovalRecords;
import dev.portal.fulfillment.support.SandboxOrders;
import dev.portal.platform.test.PostgresServer;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sagas completed per second and approval-to-Activated latency (p50, p99) against the sandbox, at zero latency and
 * with 100-300 ms added to every call to Salesforce, WHMCS and Freebit (the sandbox's latency fault), for two
 * concurrency settings side by side. Each run is a fresh service context on its own database and consumer group; half
 * of the orders are SIM lines (Freebit activation 500 ms, looked at every 500 ms). Results go to the log and to
 * {@code target/fulfillment-bench.md}; {@code docs/benchmarks.md} keeps them with machine, date and commit.
 * Run: {@code ./mvnw -o -pl fulfillment-service verify -Pbench}.
 */
class FulfillmentBench {

    private static final Logger log = LoggerFactory.getLogger(FulfillmentBench.class);
    private static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();

    /** How many approvals are consumed at once, and how many due sagas the leader runs at once. */
    record Concurrency(String name, int consumers, int leaderBatch) {
    }

    record Latency(String name, String fault, int orders) {
    }

    /**
     * @param aloneMs approval to Activated of orders approved one at a time (median of {@link #ALONE}), the latency
     *                without a queue; p50/p99 are of the burst, where every approval arrives at once and waits its turn
     */
    record Result(Latency latency, Concurrency concurrency, int orders, double seconds, double perSecond, long aloneMs, long p50Ms,
                  long p99Ms) {
    }

    private static final int ALONE = 6;

    @Test
    void sagas_per_second_and_approval_to_activated_latency() throws Exception {
        List<Latency> latencies = List.of(new Latency("none", null, 200),
                new Latency("100-300 ms per call", "{\"latencyMs\":100,\"latencyMaxMs\":300}", 100));
        List<Concurrency> settings = List.of(new Concurrency("1 consumer, leader batch 5", 1, 5),
                new Concurrency("6 consumers, leader batch 40", 6, 40));
        List<Result> results = new ArrayList<>();
        for (Latency latency : latencies) {
            for (Concurrency concurrency : settings) {
                results.add(run(latency, concurrency));
            }
        }
        StringBuilder table = new StringBuilder("| latency per call | concurrency | burst of | seconds | sagas/s | approval to Activated, "
                + "one at a time (median) | burst p50 | burst p99 |\n|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            table.append(String.format("| %s | %s | %d | %.1f | %.1f | %d ms | %d ms | %d ms |%n", r.latency().name(),
                    r.concurrency().name(), r.orders(), r.seconds(), r.perSecond(), r.aloneMs(), r.p50Ms(), r.p99Ms()));
        }
        log.info("fulfillment benchmark:\n{}", table);
        Files.writeString(Path.of("target", "fulfillment-bench.md"), table.toString());
        assertThat(results).allSatisfy(r -> assertThat(r.perSecond()).isPositive());
    }

    private Result run(Latency latency, Concurrency concurrency) throws Exception {
        SANDBOX.reset();
        SANDBOX.clearFaults();
        SANDBOX.admin("PUT", "/sandbox/admin/freebit/activations", "{\"durationMs\":500}");
        PostgresServer postgres = TestInfrastructure.postgres();
        String database = postgres.createDatabase("fulfillment_bench");
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + postgres.jdbcUrl(database), "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(), "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.cloud.stream.bindings.orderApprovals-in-0.group=fulfillment-bench-" + UUID.randomUUID(),
                "--spring.cloud.stream.kafka.bindings.orderApprovals-in-0.consumer.start-offset=latest",
                "--spring.cloud.stream.bindings.orderApprovals-in-0.consumer.concurrency=" + concurrency.consumers(),
                "--portal.saga.batch-size=" + concurrency.leaderBatch(), "--portal.saga.poll-interval=100ms",
                "--portal.fulfillment.activation.poll-interval=500ms", "--portal.fulfillment.products.sim-plans.11=VOICE_10GB",
                "--logging.level.dev.portal.platform.saga=WARN", "--logging.level.dev.portal.fulfillment.provisioning=WARN",
                "--logging.level.dev.portal.fulfillment.trigger=WARN",
                "--portal.clients.whmcs.base-url=" + SANDBOX.baseUrl() + "/whmcs", "--portal.clients.whmcs.identifier=sandbox-identifier",
                "--portal.clients.whmcs.secret=sandbox-secret", "--portal.clients.salesforce.base-url=" + SANDBOX.baseUrl() + "/salesforce",
                "--portal.clients.salesforce.client-id=sandbox-client", "--portal.clients.salesforce.client-secret=sandbox-secret",
                "--portal.clients.freebit.base-url=" + SANDBOX.baseUrl() + "/freebit/emptool/api", "--portal.clients.freebit.oem-id=sandbox-oem",
                "--portal.clients.freebit.oem-key=sandbox-key"));
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(FulfillmentServiceApplication.class)
                .run(args.toArray(String[]::new))) {
            JdbcClient db = service.getBean(JdbcClient.class);
            SandboxOrders orders = new SandboxOrders(service.getBean(SalesforceClient.class));
            int simOrders = latency.orders() / 2;
            List<String> ids = new ArrayList<>(orders.createMany(simOrders, SandboxOrders.HANAKO, i -> String.format("0910%07d", i),
                    SandboxOrders.VOICE_SIM));
            ids.addAll(orders.createMany(latency.orders() - simOrders, SandboxOrders.HANAKO, i -> null, SandboxOrders.FTTH,
                    SandboxOrders.VPN));
            List<String> alone = new ArrayList<>(orders.createMany(ALONE / 2, SandboxOrders.HANAKO, i -> String.format("0919%07d", i),
                    SandboxOrders.VOICE_SIM));
            alone.addAll(orders.createMany(ALONE - ALONE / 2, SandboxOrders.HANAKO, i -> null, SandboxOrders.FTTH, SandboxOrders.VPN));
            orders.approve(ids);
            orders.approve(alone);
            // let the consumer join its group before the approvals arrive (it starts at the topic's end)
            Thread.sleep(5_000);
            if (latency.fault() != null) {
                for (String system : List.of("whmcs", "salesforce", "freebit")) {
                    SANDBOX.fault(system, latency.fault());
                }
            }
            List<Long> aloneMs = new ArrayList<>();
            for (String order : alone) {
                Instant approved = Instant.now();
                publish(bootstrap, List.of(order), approved);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                        db.sql("select count(*) from saga_instances where business_key = ? and status = 'COMPLETED'").param(order)
                                .query(Long.class).single() == 1);
                aloneMs.add(db.sql("select (extract(epoch from finished_at) * 1000)::bigint from saga_instances where business_key = ?")
                        .param(order).query(Long.class).single() - approved.toEpochMilli());
            }
            Instant approvedAt = Instant.now();
            long started = System.nanoTime();
            publish(bootstrap, ids, approvedAt);
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                    db.sql("select count(*) from saga_instances where status = 'COMPLETED'").query(Long.class).single()
                            >= ids.size() + alone.size());
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> latencies = db.sql("select (extract(epoch from finished_at) * 1000)::bigint from saga_instances"
                            + " where business_key in (:keys) order by 1").param("keys", ids)
                    .query(Long.class).list().stream().map(finished -> finished - approvedAt.toEpochMilli()).sorted().toList();
            SANDBOX.clearFaults();
            Result result = new Result(latency, concurrency, ids.size(), seconds, ids.size() / seconds,
                    percentile(aloneMs.stream().sorted().toList(), 0.50), percentile(latencies, 0.50), percentile(latencies, 0.99));
            log.info("fulfillment benchmark run: {}", result);
            return result;
        }
    }

    private static void publish(String bootstrap, List<String> orders, Instant approvedAt) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            long commit = System.nanoTime();
            for (int i = 0; i < orders.size(); i++) {
                ProducerRecord<String, byte[]> record = ApprovalRecords.approved(orders.get(i), approvedAt, commit + i, commit + i);
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
