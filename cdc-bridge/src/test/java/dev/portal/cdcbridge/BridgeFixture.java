package dev.portal.cdcbridge;

import dev.portal.cdcbridge.publishing.ChangeHeaders;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.PostgresServer;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the bridge's tests share: the in-process sandbox (short CometD windows), bridge contexts started and closed
 * on one database (a restart is a new context on the same database), a Kafka reader from "now" on the CDC
 * topics, and the checkpoint table.
 */
final class BridgeFixture implements AutoCloseable {

    /** Gives each test method a fixture named after it (its own database), closed after the test. */
    static final class PerTest implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BridgeFixture.class;
        }

        @Override
        public BridgeFixture resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(ExtensionContext.Namespace.create(BridgeFixture.class, context.getUniqueId()))
                    .computeIfAbsent("fixture", key -> new BridgeFixture(context.getRequiredTestMethod().getName()),
                            BridgeFixture.class);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String STREAMING = "/sandbox/admin/salesforce/streaming/";

    final EmbeddedSandbox sandbox = EmbeddedSandbox.get();
    final String database;
    private final PostgresServer postgres = TestInfrastructure.postgres();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    BridgeFixture(String name) {
        sandbox.reset();
        sandbox.clearFaults();
        sandbox.admin("PUT", STREAMING + "timeouts", "{\"timeoutMs\":1000,\"maxIntervalMs\":3000}");
        database = postgres.createDatabase(name);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "cdc-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Starts reading every CDC topic from its current end; call once the topics exist (after the first bridge started). */
    void readFromNow() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Stream.of(Topics.SALESFORCE_ORDER, Topics.SALESFORCE_ORDER_ITEM, Topics.SALESFORCE_PRICEBOOK_ENTRY,
                Topics.SALESFORCE_PRODUCT, Topics.SALESFORCE_PRICEBOOK, Topics.SALESFORCE_CASE, Topics.SALESFORCE_ACCOUNT)
                .map(t -> t.name()).toList()) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Starts a bridge on this fixture's database; {@code settings} are extra {@code key=value} properties. */
    ConfigurableApplicationContext start(String... settings) {
        return start(settings(settings));
    }

    /** Starts a bridge in this JVM with exactly these properties (see {@link #settings}). */
    ConfigurableApplicationContext start(Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CdcBridgeApplication.class).run(args.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    /** The properties of a bridge on this fixture's database (short test timeouts), with {@code key=value} overrides. */
    Map<String, String> settings(String... settings) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        // the inbox (platform-inbox) is on the test class path for the consumer side of the fault tests only
        properties.put("spring.autoconfigure.exclude", "dev.portal.platform.inbox.InboxAutoConfiguration");
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("portal.clients.salesforce.base-url", sandbox.url("/salesforce").toString());
        properties.put("portal.clients.salesforce.client-id", "sandbox-client");
        properties.put("portal.clients.salesforce.client-secret", "sandbox-secret");
        properties.put("portal.clients.salesforce.call-client", "portal");
        properties.put("portal.clients.salesforce.streaming.connect-timeout", "1s");
        properties.put("portal.clients.salesforce.streaming.max-network-delay", "2s");
        properties.put("portal.clients.salesforce.streaming.backoff-increment", "200ms");
        properties.put("portal.clients.salesforce.streaming.max-backoff", "1s");
        properties.put("portal.cdc.start-policy", "all-retained");
        properties.put("portal.cdc.watchdog-interval", "200ms");
        properties.put("portal.cdc.stall-timeout", "6s");
        properties.put("portal.cdc.send-timeout", "10s");
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            properties.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        return properties;
    }

    PostgresServer postgres() {
        return postgres;
    }

    /** Emits one change event through the sandbox admin API; returns its replay ids. */
    List<Long> emit(String json) {
        JsonNode answer = JSON.readTree(sandbox.admin("POST", STREAMING + "events", json));
        List<Long> ids = new ArrayList<>();
        answer.path("replayIds").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /** Everything read from the CDC topics so far (polls once more). */
    synchronized List<ConsumerRecord<String, byte[]>> records() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(record);
        }
        return List.copyOf(received);
    }

    /** Everything in the CDC topics up to their current end. */
    synchronized List<ConsumerRecord<String, byte[]>> drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
            records();
        }
        return List.copyOf(received);
    }

    /** Distinct replay ids seen on Kafka. */
    List<Long> replayIdsOnKafka() {
        return drain().stream().map(r -> header(r, ChangeHeaders.REPLAY_ID)).filter(h -> h != null && !h.isEmpty())
                .map(Long::parseLong).distinct().sorted().toList();
    }

    OptionalLong checkpoint(String channel) {
        return JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(postgres.jdbcUrl(database),
                        postgres.username(), postgres.password()))
                .sql("select replay_id from cdc_checkpoint where channel = ?").param(channel).query(Long.class).optional()
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        consumer.close();
        sandbox.clearFaults();
    }
}
