package dev.portal.cdcbridge;

import dev.portal.cdcbridge.publishing.ChangeHeaders;
import dev.portal.cdcbridge.status.BridgeStatus;
import dev.portal.clients.salesforce.SalesforceClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.portal.cdcbridge.BridgeFixture.data;
import static dev.portal.cdcbridge.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge against the in-process sandbox (real CometD over HTTP), a real Kafka broker and a real PostgreSQL
 * database: topics, keys, headers, fan-out, checkpoints after the ack, restart, and re-authentication.
 */
@ExtendWith(BridgeFixture.PerTest.class)
class CdcBridgeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ORDERS = "/data/OrderChangeEvent";
    private static final String ACCOUNTS = "/data/AccountChangeEvent";

    @Test
    void forwards_each_record_of_an_event_to_its_topic_keyed_by_id_with_the_salesforce_headers(BridgeFixture f) {
        f.start();
        f.readFromNow();

        long order = f.emit("""
                {"entityName":"Order","changeType":"UPDATE","recordIds":["801Sb0000000001IAA","801Sb0000000002IAA"],
                 "changedFields":["Status"],"fields":{"Status":"Approved"}}""").getFirst();
        long caseId = f.emit("""
                {"entityName":"Case","changeType":"CREATE","recordIds":["500Sb0000000009IAA"],"fields":{"Subject":"No signal"}}""").getFirst();

        await().atMost(WAIT).until(() -> f.records().size() >= 3);
        List<ConsumerRecord<String, byte[]>> records = f.records();
        assertThat(records).hasSize(3);
        List<ConsumerRecord<String, byte[]>> orders = records.stream().filter(r -> r.topic().equals("salesforce.cdc.order")).toList();
        assertThat(orders).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("801Sb0000000001IAA", "801Sb0000000002IAA");
        ConsumerRecord<String, byte[]> first = orders.getFirst();
        assertThat(header(first, "ce_type")).isEqualTo("salesforce.cdc.order.changed.v1");
        assertThat(header(first, "ce_subject")).isEqualTo(first.key());
        assertThat(header(first, ChangeHeaders.REPLAY_ID)).isEqualTo(Long.toString(order));
        assertThat(header(first, ChangeHeaders.CHANGE_TYPE)).isEqualTo("UPDATE");
        assertThat(header(first, ChangeHeaders.TRANSACTION_KEY)).isNotBlank();
        assertThat(header(first, ChangeHeaders.SEQUENCE_NUMBER)).isEqualTo("1");
        assertThat(header(first, ChangeHeaders.CHANGE_ORIGIN)).isEmpty();
        assertThat(header(first, ChangeHeaders.PORTAL_ORIGIN)).isEqualTo("false");
        assertThat(data(first).path("fields").path("Status").asString()).isEqualTo("Approved");
        assertThat(data(first).path("recordId").asString()).isEqualTo(first.key());
        assertThat(orders).extracting(r -> header(r, "ce_id")).doesNotHaveDuplicates();

        ConsumerRecord<String, byte[]> created = records.stream().filter(r -> r.topic().equals("salesforce.cdc.case")).findFirst().orElseThrow();
        assertThat(created.key()).isEqualTo("500Sb0000000009IAA");
        assertThat(header(created, "ce_type")).isEqualTo("salesforce.cdc.case.changed.v1");
        assertThat(header(created, ChangeHeaders.REPLAY_ID)).isEqualTo(Long.toString(caseId));

        await().atMost(WAIT).until(() -> f.checkpoint("/data/CaseChangeEvent").orElse(0) == caseId);
        assertThat(f.checkpoint(ORDERS)).hasValue(order);
    }

    @Test
    void a_case_opened_and_moved_through_rest_reaches_the_case_topic_as_create_then_update(BridgeFixture f) {
        SalesforceClient salesforce = f.start().getBean(SalesforceClient.class);
        f.readFromNow();

        String id = salesforce.create("Case", Map.of("AccountId", "001Sb0000000001IAA", "Subject", "No dial tone",
                "Description", "Since this morning.", "Origin", "Portal Website"));
        salesforce.update("Case", id, Map.of("Status", "Working"));

        await().atMost(WAIT).until(() -> onTopic(f, "salesforce.cdc.case").size() >= 2);
        List<ConsumerRecord<String, byte[]>> cases = onTopic(f, "salesforce.cdc.case");
        assertThat(cases).hasSize(2).extracting(ConsumerRecord::key).containsOnly(id);
        assertThat(cases).extracting(r -> header(r, "ce_type")).containsOnly("salesforce.cdc.case.changed.v1");
        assertThat(cases).extracting(r -> header(r, ChangeHeaders.PORTAL_ORIGIN)).containsOnly("true");
        ConsumerRecord<String, byte[]> opened = cases.get(0);
        assertThat(header(opened, ChangeHeaders.CHANGE_TYPE)).isEqualTo("CREATE");
        assertThat(data(opened).path("fields").path("Subject").asString()).isEqualTo("No dial tone");
        assertThat(data(opened).path("fields").path("Origin").asString()).isEqualTo("Portal Website");
        assertThat(data(opened).path("fields").path("Status").asString()).isEqualTo("New");
        assertThat(data(opened).path("fields").path("AccountId").asString()).isEqualTo("001Sb0000000001IAA");
        ConsumerRecord<String, byte[]> moved = cases.get(1);
        assertThat(header(moved, ChangeHeaders.CHANGE_TYPE)).isEqualTo("UPDATE");
        assertThat(data(moved).path("changedFields").toString()).isEqualTo("[\"Status\",\"LastModifiedDate\"]");
        assertThat(data(moved).path("fields").path("Status").asString()).isEqualTo("Working");
        long last = Long.parseLong(header(moved, ChangeHeaders.REPLAY_ID));
        await().atMost(WAIT).until(() -> f.checkpoint("/data/CaseChangeEvent").orElse(0) == last);
    }

    @Test
    void an_order_item_added_through_rest_reaches_the_order_item_topic(BridgeFixture f) {
        SalesforceClient salesforce = f.start().getBean(SalesforceClient.class);
        f.readFromNow();

        String id = salesforce.create("OrderItem", Map.of("OrderId", "801Sb0000000002IAA", "PricebookEntryId", "01uSb0000000107IAA",
                "Quantity", 1, "UnitPrice", 550));

        await().atMost(WAIT).until(() -> !onTopic(f, "salesforce.cdc.order-item").isEmpty());
        ConsumerRecord<String, byte[]> added = onTopic(f, "salesforce.cdc.order-item").getFirst();
        assertThat(added.key()).isEqualTo(id);
        assertThat(header(added, "ce_type")).isEqualTo("salesforce.cdc.order-item.changed.v1");
        assertThat(header(added, ChangeHeaders.CHANGE_TYPE)).isEqualTo("CREATE");
        assertThat(data(added).path("fields").path("OrderId").asString()).isEqualTo("801Sb0000000002IAA");
        assertThat(data(added).path("fields").path("UnitPrice").asDouble()).isEqualTo(550.0);
    }

    @Test
    void tells_the_portals_own_writes_from_others_by_change_origin(BridgeFixture f) {
        ConfigurableApplicationContext bridge = f.start();
        f.readFromNow();

        bridge.getBean(SalesforceClient.class).update("Account", "001Sb0000000003IAA", Map.of("Phone", "03-1234-5678"));
        f.emit("""
                {"entityName":"Account","changeType":"UPDATE","recordIds":["001Sb0000000004IAA"],"fields":{"Phone":"1"},
                 "changeOrigin":"com/salesforce/api/rest/62.0;client=back-office"}""");

        await().atMost(WAIT).until(() -> f.records().size() >= 2);
        Map<String, String> portalOrigin = f.records().stream()
                .collect(java.util.stream.Collectors.toMap(ConsumerRecord::key, r -> header(r, ChangeHeaders.PORTAL_ORIGIN)));
        assertThat(portalOrigin).containsExactlyInAnyOrderEntriesOf(Map.of("001Sb0000000003IAA", "true", "001Sb0000000004IAA", "false"));
        ConsumerRecord<String, byte[]> own = f.records().stream().filter(r -> r.key().equals("001Sb0000000003IAA")).findFirst().orElseThrow();
        assertThat(header(own, ChangeHeaders.CHANGE_ORIGIN)).endsWith(";client=portal");
    }

    @Test
    void resumes_from_the_checkpoint_after_a_restart_without_a_gap(BridgeFixture f) {
        ConfigurableApplicationContext first = f.start();
        f.readFromNow();
        List<Long> before = List.of(accountEvent(f, "a"), accountEvent(f, "b"), accountEvent(f, "c"));
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == before.getLast());
        first.close();

        List<Long> whileDown = List.of(accountEvent(f, "d"), accountEvent(f, "e"));
        f.start();
        List<Long> after = List.of(accountEvent(f, "f"));

        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == after.getLast());
        List<Long> expected = java.util.stream.Stream.of(before, whileDown, after).flatMap(List::stream).toList();
        assertThat(f.replayIdsOnKafka()).containsExactlyElementsOf(expected);
        // nothing before the checkpoint was sent again: each replay id is on Kafka exactly once
        assertThat(f.drain()).hasSize(expected.size());
    }

    @Test
    void survives_session_expiry_and_dropped_clients_without_a_gap(BridgeFixture f) {
        BridgeStatus status = f.start().getBean(BridgeStatus.class);
        f.readFromNow();
        List<Long> emitted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            emitted.add(accountEvent(f, "before-" + i));
        }
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == emitted.getLast());

        f.sandbox.admin("POST", "/sandbox/admin/salesforce/sessions/expire", null);
        for (int i = 0; i < 5; i++) {
            emitted.add(accountEvent(f, "expired-" + i));
        }
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == emitted.getLast());

        f.sandbox.admin("POST", BridgeFixture.STREAMING + "clients/drop", null);
        for (int i = 0; i < 5; i++) {
            emitted.add(accountEvent(f, "dropped-" + i));
        }
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == emitted.getLast());

        assertThat(f.replayIdsOnKafka()).containsExactlyElementsOf(emitted);
        // one handshake at the start, one with a new token after the expiry, one after the server forgot the client
        assertThat(status.streaming().handshakes()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_record_kafka_refuses_holds_the_checkpoint_and_is_never_skipped(BridgeFixture f) {
        // records above 3000 bytes are refused by the producer: a stand-in for a send that fails
        ConfigurableApplicationContext refusing = f.start("spring.kafka.producer.properties.max.request.size=3000");
        BridgeStatus status = refusing.getBean(BridgeStatus.class);
        f.readFromNow();
        long small = accountEvent(f, "small");
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == small);

        long large = accountEvent(f, "x".repeat(5000));
        long after = accountEvent(f, "after");
        await().atMost(WAIT).until(() -> status.restarts() >= 2);
        assertThat(f.checkpoint(ACCOUNTS)).hasValue(small);
        assertThat(f.replayIdsOnKafka()).containsExactly(small);
        refusing.close();

        f.start();
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == after);
        assertThat(f.replayIdsOnKafka()).containsExactly(small, large, after);
    }

    private static List<ConsumerRecord<String, byte[]>> onTopic(BridgeFixture f, String topic) {
        return f.records().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    static long accountEvent(BridgeFixture f, String name) {
        return f.emit("{\"entityName\":\"Account\",\"changeType\":\"UPDATE\",\"recordIds\":[\"001Sb0000000005IAA\"],"
                + "\"changedFields\":[\"Name\"],\"fields\":{\"Name\":\"" + name + "\"}}").getFirst();
    }
}
