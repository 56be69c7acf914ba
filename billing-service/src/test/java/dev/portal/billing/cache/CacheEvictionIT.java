package dev.portal.billing.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.billing.BillingTestBase;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When fulfillment changes an order's status (a new WHMCS order brings an invoice, a compensation cancels one), the
 * Account's cached invoices go at once; its payment methods stay. Events as fulfillment-service publishes them
 * (CONTRACTS.md), on the real topic.
 */
class CacheEvictionIT extends BillingTestBase {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    @Test
    void an_order_status_change_clears_the_accounts_invoices_but_not_its_payment_methods() throws Exception {
        ok(aiko().get("/api/invoices"));
        ok(aiko().get("/api/invoices/4"));
        ok(aiko().get("/api/payment-methods"));
        SANDBOX.admin("POST", "/sandbox/admin/whmcs/clients/3/invoices", "{\"description\":\"SIM Data 3GB (new order)\",\"amount\":990}");
        double before = evictions();

        publish(statusChanged(UUID.randomUUID().toString(), AIKO_ACCOUNT, "ACTIVATED"));
        awaitEvictions(1, before);

        assertThat(ok(aiko().get("/api/invoices")).path("totalItems").asInt()).as("the new order's invoice").isEqualTo(2);
        ok(aiko().get("/api/invoices/4"));
        ok(aiko().get("/api/payment-methods"));
        assertThat(whmcsCalls()).containsEntry("GetInvoices", 2L).containsEntry("GetInvoice", 2L).containsEntry("GetPayMethods", 1L);
    }

    @Test
    void another_accounts_order_leaves_the_callers_cache_alone() throws Exception {
        ok(hanako().get("/api/invoices"));
        double before = evictions();

        publish(statusChanged(UUID.randomUUID().toString(), AIKO_ACCOUNT, "ACTIVATING"));
        awaitEvictions(1, before);

        ok(hanako().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).isEqualTo(1);
    }

    @Test
    void a_redelivered_event_evicts_once_and_step_events_on_the_topic_are_skipped() throws Exception {
        double before = evictions();
        EventEnvelope change = statusChanged(UUID.randomUUID().toString(), AIKO_ACCOUNT, "FAILED");

        publish(change);
        publish(change);
        publish(envelope("portal.fulfillment.step-recorded.v1", UUID.randomUUID().toString(),
                "{\"orderId\":\"801Sb0000000009AAA\",\"sagaId\":\"" + UUID.randomUUID() + "\",\"step\":\"create-whmcs-order\","
                        + "\"status\":\"SUCCEEDED\",\"attempt\":1,\"reason\":null,\"at\":\"2026-12-01T00:00:00Z\"}"));
        publish(statusChanged(UUID.randomUUID().toString(), AIKO_ACCOUNT, "ACTIVATED"));

        // the last event shares the partition (same key) with the others: once it is applied, they all were
        awaitEvictions(2, before);
        assertThat(evictions() - before).isEqualTo(2);
    }

    private static EventEnvelope statusChanged(String eventId, String accountId, String status) {
        return envelope("portal.fulfillment.order-status-changed.v1", eventId, "{\"orderId\":\"801Sb0000000009AAA\","
                + "\"accountId\":\"" + accountId + "\",\"status\":\"" + status + "\",\"reason\":null,\"whmcsOrderId\":3,"
                + "\"whmcsServiceIds\":[5],\"at\":\"2026-12-01T00:00:00Z\"}");
    }

    private static EventEnvelope envelope(String type, String eventId, String json) {
        return new EventEnvelope(eventId, type, URI.create("urn:portal:fulfillment-service"), "801Sb0000000009AAA",
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static void publish(EventEnvelope event) throws Exception {
        // keyed by the Salesforce Order id, as fulfillment publishes them
        PRODUCER.send(event.toProducerRecord(Topics.FULFILLMENT_EVENTS.name())).get();
    }

    private void awaitEvictions(int expected, double before) {
        await("evictions applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> evictions() - before >= expected);
    }

    private double evictions() {
        Counter counter = meters.find("portal.billing.cache.evictions").tag("reason", "order-status-changed").counter();
        return counter == null ? 0 : counter.count();
    }
}
