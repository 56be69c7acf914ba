package dev.portal.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.salesforce.OAuthSalesforceAuth;
import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.SalesforceProperties;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalHttp;
import dev.portal.clients.support.HttpSettings;
import dev.portal.clients.whmcs.ClientService;
import dev.portal.clients.whmcs.NewClient;
import dev.portal.clients.whmcs.OrdersQuery;
import dev.portal.clients.whmcs.ServicesPage;
import dev.portal.clients.whmcs.ServicesQuery;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.clients.whmcs.WhmcsProperties;
import dev.portal.fulfillment.support.ApprovalRecords;
import dev.portal.fulfillment.support.BrokerProcess;
import dev.portal.fulfillment.support.SandboxOrders;
import dev.portal.fulfillment.support.ServiceProcess;
import dev.portal.platform.test.PostgresServer;
import dev.portal.platform.test.TcpProxy;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * The fulfillment's exactly-once promise under faults: 1,000 approved orders (half of them SIM lines) while the
 * service's JVM is killed with SIGKILL five times and the Kafka broker is restarted once. Every order ends with
 * exactly one WHMCS order (no duplicates by the order reference each service carries) and every saga is finished or
 * visibly parked. The service and the broker run as child processes; PostgreSQL and the sandbox are this JVM's.
 */
class FulfillmentKillIT {

    private static final Logger log = LoggerFactory.getLogger(FulfillmentKillIT.class);
    private static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    private static final int ORDERS = 1_000;
    private static final int CUSTOMERS = 10;
    private static final int KILLS = 5;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        SANDBOX.reset();
    }

    @Test
    void a_thousand_approved_orders_through_five_kills_and_a_broker_restart_become_exactly_a_thousand_whmcs_orders() throws Exception {
        long started = System.nanoTime();
        SANDBOX.reset();
        SANDBOX.clearFaults();
        SANDBOX.admin("PUT", "/sandbox/admin/freebit/activations", "{\"durationMs\":500}");
        Path home = Files.createTempDirectory(Path.of("target"), "kill-test-");
        BrokerProcess broker = new BrokerProcess(home.resolve("kafka"), TcpProxy.freeLoopbackPort(), TcpProxy.freeLoopbackPort());
        resources.add(broker);
        broker.start();
        PostgresServer postgres = TestInfrastructure.postgres();
        String database = postgres.createDatabase("fulfillment_kill");
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password()));
        Map<String, String> settings = settings(broker, postgres, database);

        // customers and orders, as the portal and an operator leave them before the approvals are bridged
        SalesforceClient salesforce = salesforce();
        WhmcsClient whmcs = WhmcsClient.create(new WhmcsProperties(URI.create(SANDBOX.baseUrl() + "/whmcs"), "sandbox-identifier",
                "sandbox-secret", null, HttpSettings.DEFAULTS));
        Map<String, Long> clients = customers(salesforce, whmcs);
        SandboxOrders sandboxOrders = new SandboxOrders(salesforce);
        List<String> orders = new ArrayList<>();
        List<String> accounts = List.copyOf(clients.keySet());
        int perCustomer = ORDERS / CUSTOMERS;
        for (int c = 0; c < CUSTOMERS; c++) {
            int offset = c * perCustomer;
            orders.addAll(sandboxOrders.createMany(perCustomer / 2, accounts.get(c), i -> String.format("0900%07d", offset + i),
                    SandboxOrders.VOICE_SIM));
            orders.addAll(sandboxOrders.createMany(perCustomer - perCustomer / 2, accounts.get(c), i -> null, SandboxOrders.FTTH,
                    SandboxOrders.VPN));
        }
        sandboxOrders.approve(orders);
        long prepared = System.nanoTime();

        // the first service declares the topics; then every approval is bridged while the service runs and dies
        Path logs = home.resolve("logs");
        ServiceProcess service = service(settings, logs, 1);
        Instant approvedAt = Instant.now();
        publish(broker, orders, approvedAt);
        IntPredicate reached = done -> finished(db) >= done;
        int[] killAt = {120, 280, 520, 700, 860};
        int restarts = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            int threshold = killAt[kill];
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).until(() -> reached.test(threshold));
            if (kill == 2) {
                broker.stop();
                log.info("kill test: broker stopped at {} finished sagas", finished(db));
                Thread.sleep(3_000);
                broker.start();
                log.info("kill test: broker started again");
            }
            log.info("kill test: SIGKILL {} of the service JVM (pid {}) at {} finished sagas", kill + 1, service.pid(), finished(db));
            service.kill();
            service = service(settings, logs, ++restarts);
        }
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> db.sql("select count(*) from saga_instances where status in ('RUNNING', 'WAITING', 'COMPENSATING')")
                        .query(Long.class).single() == 0 && count(db, "select count(*) from saga_instances") >= ORDERS);
        long settled = System.nanoTime();

        // exactly one WHMCS order per approved order: the reference each service carries says which
        Map<String, Set<Long>> whmcsOrdersByReference = new TreeMap<>();
        long whmcsOrders = 0;
        for (long client : Set.copyOf(clients.values())) {
            for (ClientService service1 : services(whmcs, client)) {
                service1.customField("Portal Order").ifPresent(reference ->
                        whmcsOrdersByReference.computeIfAbsent(reference, ignored -> new java.util.TreeSet<>()).add(service1.orderId()));
            }
            whmcsOrders += whmcs.getOrders(OrdersQuery.ofClient(client)).totalResults();
        }
        Map<String, Set<Long>> duplicates = whmcsOrdersByReference.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        db.sql("select status, count(*) from saga_instances group by status order by status")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        List<String> parked = db.sql("select business_key || ': ' || reason from saga_instances where status = 'PARKED' limit 20")
                .query(String.class).list();
        log.info("kill test: {} orders ({} SIM), {} SIGKILLs of the service, 1 broker restart; WHMCS orders {}, orders with a WHMCS "
                        + "order {}, duplicates {}; sagas by status {}; parked {}; prepare {} s, approvals to settled {} s (incl. {} service "
                        + "JVM starts)", orders.size(), orders.size() / 2, KILLS, whmcsOrders, whmcsOrdersByReference.size(), duplicates.size(),
                byStatus, parked, seconds(started, prepared), seconds(prepared, settled), KILLS + 1);

        assertThat(duplicates).as("references with more than one WHMCS order").isEmpty();
        assertThat(whmcsOrdersByReference.keySet()).as("orders with a WHMCS order").containsExactlyInAnyOrderElementsOf(orders);
        assertThat(whmcsOrders).as("WHMCS orders of the test's customers").isEqualTo(ORDERS);
        assertThat(count(db, "select count(distinct business_key) from saga_instances")).isEqualTo(ORDERS);
        assertThat(byStatus.keySet()).as("every saga finished or visibly parked").isSubsetOf("COMPLETED", "PARKED");
        assertThat(parked).as("parked sagas say why").allSatisfy(line -> assertThat(line).doesNotEndWith(": null"));
    }

    // ---- the service ------------------------------------------------------------------------------------------

    private Map<String, String> settings(BrokerProcess broker, PostgresServer postgres, String database) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.datasource.url", postgres.jdbcUrl(database));
        settings.put("spring.datasource.username", postgres.username());
        settings.put("spring.datasource.password", postgres.password());
        settings.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        settings.put("portal.clients.whmcs.base-url", SANDBOX.baseUrl() + "/whmcs");
        settings.put("portal.clients.whmcs.identifier", "sandbox-identifier");
        settings.put("portal.clients.whmcs.secret", "sandbox-secret");
        settings.put("portal.clients.salesforce.base-url", SANDBOX.baseUrl() + "/salesforce");
        settings.put("portal.clients.salesforce.client-id", "sandbox-client");
        settings.put("portal.clients.salesforce.client-secret", "sandbox-secret");
        settings.put("portal.clients.freebit.base-url", SANDBOX.baseUrl() + "/freebit/emptool/api");
        settings.put("portal.clients.freebit.oem-id", "sandbox-oem");
        settings.put("portal.clients.freebit.oem-key", "sandbox-key");
        settings.put("portal.fulfillment.products.sim-plans.11", "VOICE_10GB");
        settings.put("portal.fulfillment.activation.poll-interval", "500ms");
        // a dead process's sagas are taken over when their lease runs out: short, but longer than any step here
        settings.put("portal.saga.lease", "8s");
        settings.put("portal.saga.poll-interval", "200ms");
        settings.put("portal.saga.first-backoff", "200ms");
        settings.put("portal.saga.max-backoff", "2s");
        settings.put("portal.saga.max-attempts", "30");
        settings.put("portal.saga.leader-check-interval", "1s");
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.dev.portal.fulfillment", "INFO");
        return settings;
    }

    private ServiceProcess service(Map<String, String> settings, Path logs, int number) {
        ServiceProcess process = ServiceProcess.start(settings, TcpProxy.freeLoopbackPort(), logs.resolve("service-" + number + ".log"));
        resources.add(process);
        // generous: a JVM start takes 5 s on a quiet machine, far longer beside other builds
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> process.ready() || !process.alive());
        assertThat(process.alive()).as("service JVM %d started, see %s", number, process.log()).isTrue();
        return process;
    }

    private static void publish(BrokerProcess broker, List<String> orders, Instant approvedAt) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                ProducerRecord<String, byte[]> record = ApprovalRecords.approved(orders.get(i), approvedAt.plusMillis(i), 100_000 + i, 500_000 + i);
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static long finished(JdbcClient db) {
        return count(db, "select count(*) from saga_instances where status in ('COMPLETED', 'PARKED', 'COMPENSATED', 'FAILED')");
    }

    private static long count(JdbcClient db, String sql) {
        try {
            return db.sql(sql).query(Long.class).single();
        } catch (RuntimeException tablesNotThereYet) {
            return 0;
        }
    }

    // ---- customers --------------------------------------------------------------------------------------------

    /** Salesforce Accounts linked to new WHMCS clients, each with a card: account id to client id. */
    private static Map<String, Long> customers(SalesforceClient salesforce, WhmcsClient whmcs) {
        Map<String, Long> clients = new LinkedHashMap<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            long client = whmcs.addClient(new NewClient("Kill", "Test" + c, "kill.test" + c + "@example.jp", "1-2-3 Jingumae", null,
                    "Shibuya-ku", "Tokyo", "150-0001", "JP", "090-0000-0000", "Sandbox-Pass-1", null, true));
            addCard(client);
            String account = salesforce.create("Account", Map.of("Name", "Kill Test " + c, "WH_Account__c", Long.toString(client)));
            clients.put(account, client);
        }
        return clients;
    }

    private static void addCard(long clientId) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(SANDBOX.url("/whmcs/includes/api.php"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("action=AddPayMethod&identifier=sandbox-identifier"
                            + "&secret=sandbox-secret&responsetype=json&clientid=" + clientId
                            + "&type=CreditCard&card_number=4111111111111111&card_expiry=1230")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"success\"");
        } catch (Exception e) {
            throw new IllegalStateException("AddPayMethod", e);
        }
    }

    private static List<ClientService> services(WhmcsClient whmcs, long client) {
        List<ClientService> all = new ArrayList<>();
        while (true) {
            ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(client).page(all.size(), 250));
            all.addAll(page.services());
            if (page.services().isEmpty() || all.size() >= page.totalResults()) {
                return all;
            }
        }
    }

    private static SalesforceClient salesforce() {
        SalesforceProperties properties = SalesforceProperties.clientCredentials(URI.create(SANDBOX.baseUrl() + "/salesforce"),
                "sandbox-client", "sandbox-secret", HttpSettings.DEFAULTS);
        return new SalesforceClient(new OAuthSalesforceAuth(properties, http("salesforce-oauth", properties), Clock.systemUTC()),
                http(SalesforceClient.SYSTEM, properties), properties, null);
    }

    private static ExternalHttp http(String system, SalesforceProperties properties) {
        return new ExternalHttp(system, properties.baseUrl(), properties.http(), RestClient.builder(),
                ExternalCalls.unobserved(system, properties.http()));
    }

    private static String seconds(long from, long to) {
        return String.format("%.1f", (to - from) / 1e9);
    }
}
