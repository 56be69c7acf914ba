package dev.portal.order.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.order.ChangeEvents;
import dev.portal.order.Customers;
import dev.portal.order.KafkaRecords;
import dev.portal.order.OrderServiceTestBase;
import dev.portal.order.Pricebook;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.ReceivedEvent;
import dev.portal.sandbox.salesforce.SalesforceIds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The read model follows Salesforce's change events (shaped exactly as cdc-bridge forwards them): an operator's status
 * change, orders made in Salesforce and their items, orders this service had not seen; an unreadable change goes to
 * the dead-letter topic and changes nothing.
 */
class SalesforceChangesIT extends OrderServiceTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_approval_in_salesforce_shows_in_the_order_and_is_told_to_the_user_who_placed_it() {
        Customers hanako = Customers.HANAKO.asNewUser();
        String id = placed(hanako, Pricebook.VPN);
        EventProbe probe = EventProbe.fromNow();

        ChangeEvents.orderChanged(id, "UPDATE", Map.of("Status", "Approved", "LastModifiedDate", "2026-12-08T01:00:00.000+0000"));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ApiClient.json(as(hanako).get("/api/orders/" + id)).path("status").asString()).isEqualTo("Approved"));
        ReceivedEvent told = probe.await(Topics.NOTIFICATIONS.name(), hanako.userId().toString(), "portal.notification.published.v1");
        assertThat(told.json().path("type").asString()).isEqualTo("order.status-changed");
        assertThat(told.json().path("data").path("orderId").asString()).isEqualTo(id);
        assertThat(told.json().path("data").path("status").asString()).isEqualTo("Approved");
        assertThat(told.json().path("data").path("activationStatus").asString()).isEqualTo("NOT_STARTED");
    }

    @Test
    void an_order_made_in_salesforce_appears_in_its_accounts_list_and_follows_its_items() {
        String orderId = salesforce.create("Order", Map.of("AccountId", Customers.AIKO.accountId(), "Pricebook2Id", Pricebook.PORTAL_CATALOG,
                "Status", "Draft", "EffectiveDate", "2026-12-01"));
        String firstItem = salesforce.create("OrderItem", Map.of("OrderId", orderId, "PricebookEntryId", Pricebook.VPN, "Quantity", 1, "UnitPrice", 550));

        ChangeEvents.orderChanged(orderId, "CREATE", recordFields("Order", orderId));
        ChangeEvents.orderItemChanged(firstItem, "CREATE", recordFields("OrderItem", firstItem));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode order = ApiClient.json(as(Customers.AIKO).get("/api/orders/" + orderId));
            assertThat(order.path("status").asString()).as(order.toString()).isEqualTo("Draft");
            assertThat(order.path("items")).hasSize(1);
            assertThat(order.path("items").get(0).path("name").asString()).isEqualTo("Secure VPN");
        });

        String secondItem = salesforce.create("OrderItem", Map.of("OrderId", orderId, "PricebookEntryId", Pricebook.SIM_DATA_3GB, "Quantity", 2, "UnitPrice", 990));
        ChangeEvents.orderItemChanged(secondItem, "CREATE", recordFields("OrderItem", secondItem));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode order = ApiClient.json(as(Customers.AIKO).get("/api/orders/" + orderId));
            assertThat(order.path("items").valueStream().map(i -> i.path("id").asString())).containsExactly(firstItem, secondItem);
            assertThat(order.path("total").path("amount").asInt()).isEqualTo(550 + 2 * 990);
        });
    }

    @Test
    void a_change_of_an_order_not_seen_before_reads_it_from_salesforce() {
        String tarosDraft = SalesforceIds.to18("801Sb0000000002");

        ChangeEvents.orderChanged(tarosDraft, "UPDATE", Map.of("Activation_Status__c", "Not Started", "LastModifiedDate", "2026-12-08T01:00:00.000+0000"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode list = ApiClient.json(as(Customers.TARO).get("/api/orders"));
            assertThat(list.path("orders")).hasSize(1);
            JsonNode order = list.path("orders").get(0);
            assertThat(order.path("id").asString()).isEqualTo(tarosDraft);
            assertThat(order.path("status").asString()).isEqualTo("Draft");
            assertThat(order.path("items").get(0).path("code").asString()).isEqualTo("FTTH-1G");
        });
    }

    @Test
    void an_order_deleted_in_salesforce_leaves_the_list() {
        String id = placed(Customers.HANAKO, Pricebook.VPN);

        ChangeEvents.orderChanged(id, "DELETE", Map.of());

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(as(Customers.HANAKO).get("/api/orders/" + id).statusCode()).isEqualTo(404));
    }

    @Test
    void an_unreadable_change_is_dead_lettered_and_the_read_model_stays_as_it_was() {
        String id = placed(Customers.HANAKO, Pricebook.VPN);
        Instant before = Instant.now();

        ChangeEvents.garbage(Topics.SALESFORCE_ORDER.name(), id);
        ChangeEvents.unreadable(Topics.SALESFORCE_ORDER.name(), "salesforce.cdc.order.changed.v1", id);

        List<ConsumerRecord<String, byte[]>> dead = KafkaRecords.await(Topics.SALESFORCE_ORDER.deadLetter().name(), before,
                record -> id.equals(record.key()), 2, WAIT);
        assertThat(dead).as("both records on the dead-letter topic").hasSize(2);
        assertThat(dead).allSatisfy(record -> assertThat(header(record, "kafka_dlt-exception-cause-fqcn")).endsWith("MalformedEventException"));
        assertThat(ApiClient.json(as(Customers.HANAKO).get("/api/orders/" + id)).path("status").asString()).isEqualTo("Pending Review");

        ChangeEvents.orderChanged(id, "UPDATE", Map.of("Status", "Approved"));

        await("the partition is not held up").atMost(WAIT).untilAsserted(() ->
                assertThat(ApiClient.json(as(Customers.HANAKO).get("/api/orders/" + id)).path("status").asString()).isEqualTo("Approved"));
    }

    private String placed(Customers customer, String entry) {
        HttpResponse<String> placed = order(customer, items(entry, 1));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return ApiClient.json(placed).path("id").asString();
    }

    /** Every non-null field of a record, as a CREATE change event carries them. */
    private Map<String, Object> recordFields(String type, String id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonNode record = salesforce.getTree(type, id);
        record.properties().forEach(field -> {
            if (!field.getKey().equals("attributes") && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().isNumber() ? field.getValue().numberValue() : field.getValue().asString());
            }
        });
        return fields;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
