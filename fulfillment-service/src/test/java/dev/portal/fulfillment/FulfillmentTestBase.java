package dev.portal.fulfillment;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.whmcs.ClientService;
import dev.portal.clients.whmcs.ServicesQuery;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.fulfillment.provisioning.Fulfillment;
import dev.portal.fulfillment.support.SandboxOrders;
import dev.portal.platform.events.Topic;
import dev.portal.platform.saga.SagaDefinition;
import dev.portal.platform.saga.SagaSnapshot;
import dev.portal.platform.saga.Sagas;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.ReceivedEvent;
import dev.portal.platform.test.WithInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fulfillment-service against real PostgreSQL and Kafka, with Salesforce, WHMCS and Freebit served by the in-process
 * sandbox (reset before each test, the saga tables emptied). Approvals are published to {@code salesforce.cdc.order}
 * as cdc-bridge writes them. Saga timings are short so that retries, re-checks and activations finish within a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.clients.whmcs.http.retry-backoff=10ms", "portal.clients.salesforce.http.retry-backoff=10ms",
                "portal.clients.freebit.http.retry-backoff=10ms",
                // the tests of one context share each client: their deliberate faults must not add up to an open breaker
                "portal.clients.whmcs.http.breaker-window=500", "portal.clients.salesforce.http.breaker-window=500",
                "portal.clients.freebit.http.breaker-window=500",
                "portal.saga.first-backoff=100ms", "portal.saga.max-backoff=400ms", "portal.saga.jitter=0",
                "portal.saga.poll-interval=100ms", "portal.saga.leader-check-interval=200ms", "portal.saga.monitor-interval=200ms",
                "portal.saga.lease=20s",
                "portal.fulfillment.products.sim-plans.10=DATA_3GB", "portal.fulfillment.products.sim-plans.11=VOICE_10GB",
                "portal.fulfillment.products.sim-plans.12=VOICE_20GB", "portal.fulfillment.products.sim-plans.13=FAMILY_VOICE_5GB",
                "portal.fulfillment.activation.poll-interval=200ms", "portal.fulfillment.payment-method.recheck-interval=500ms"})
@WithInfrastructure(kafka = true, postgres = true)
public abstract class FulfillmentTestBase {

    protected static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String APPROVALS_GROUP = "fulfillment-service.approvals";
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        sandboxClients(registry);
    }

    /** Points the Salesforce, WHMCS and Freebit clients at the in-process sandbox. */
    public static void sandboxClients(DynamicPropertyRegistry registry) {
        registry.add("portal.clients.whmcs.base-url", () -> SANDBOX.baseUrl() + "/whmcs");
        registry.add("portal.clients.whmcs.identifier", () -> "sandbox-identifier");
        registry.add("portal.clients.whmcs.secret", () -> "sandbox-secret");
        registry.add("portal.clients.salesforce.base-url", () -> SANDBOX.baseUrl() + "/salesforce");
        registry.add("portal.clients.salesforce.client-id", () -> "sandbox-client");
        registry.add("portal.clients.salesforce.client-secret", () -> "sandbox-secret");
        registry.add("portal.clients.freebit.base-url", () -> SANDBOX.baseUrl() + "/freebit/emptool/api");
        registry.add("portal.clients.freebit.oem-id", () -> "sandbox-oem");
        registry.add("portal.clients.freebit.oem-key", () -> "sandbox-key");
    }

    @LocalServerPort protected int port;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected Sagas sagas;
    @Autowired protected SagaDefinition<Fulfillment> fulfillment;
    @Autowired protected WhmcsClient whmcs;
    @Autowired protected SalesforceClient salesforce;
    @Value("${spring.kafka.bootstrap-servers}") protected String bootstrapServers;
    protected SandboxOrders orders;
    protected EventProbe events;

    @BeforeEach
    void freshState() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
        SANDBOX.admin("PUT", "/sandbox/admin/freebit/activations", "{\"durationMs\":300}");
        jdbc.sql("delete from saga_instances").update(); // its step log goes with it
        orders = new SandboxOrders(salesforce);
        events = EventProbe.fromNow();
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Sends records to Kafka as cdc-bridge does (idempotent producer, acks from all replicas) and waits for the acks. */
    protected void publish(List<ProducerRecord<String, byte[]>> records) {
        KafkaProducer<String, byte[]> kafka = producer();
        List<java.util.concurrent.Future<?>> sent = records.stream().<java.util.concurrent.Future<?>>map(kafka::send).toList();
        for (java.util.concurrent.Future<?> ack : sent) {
            try {
                ack.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not take a record", e);
            }
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Waits until the service's consumer has committed every record on {@code salesforce.cdc.order} published so far. */
    protected void awaitApprovalsConsumed() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", bootstrapServers))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                for (int partition = 0; partition < dev.portal.platform.events.Topics.SALESFORCE_ORDER.partitions(); partition++) {
                    latest.put(new org.apache.kafka.common.TopicPartition(dev.portal.platform.events.Topics.SALESFORCE_ORDER.name(), partition),
                            org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get(10, java.util.concurrent.TimeUnit.SECONDS);
                var committed = admin.listConsumerGroupOffsets(APPROVALS_GROUP).partitionsToOffsetAndMetadata()
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }

    /** AddPayMethod through the WHMCS API: a card for the client, as the customer adds one in WHMCS. */
    protected void addCard(long clientId) {
        String form = "action=AddPayMethod&identifier=sandbox-identifier&secret=sandbox-secret&responsetype=json&clientid=" + clientId
                + "&type=CreditCard&card_number=4111111111111111&card_expiry=1230&description=card";
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(SANDBOX.url("/whmcs/includes/api.php"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (!response.body().contains("\"success\"")) {
                throw new IllegalStateException("AddPayMethod: " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest fulfillment saga of the order, if one started. */
    protected Optional<SagaSnapshot<Fulfillment>> saga(String orderId) {
        return sagas.find(fulfillment, orderId);
    }

    /** The WHMCS orders whose services carry the order's reference, by WHMCS order id (cancelled ones included). */
    protected Map<Long, List<ClientService>> whmcsOrdersOf(long clientId, String orderId) {
        return whmcs.getClientsProducts(ServicesQuery.ofClient(clientId).page(0, 500)).services().stream()
                .filter(service -> service.customField("Portal Order").filter(orderId::equals).isPresent())
                .collect(Collectors.groupingBy(ClientService::orderId));
    }

    /** The fulfillment events of the order published so far (step and status changes, in order), as JSON data. */
    protected List<JsonNode> fulfillmentEvents(Topic topic, String orderId, String type, int atLeast) {
        return events.await(topic.name(), orderId, type, atLeast).stream().map(ReceivedEvent::record)
                .map(record -> JSON.readTree(record.value())).toList();
    }
}
