package dev.portal.fulfillment.trigger;

import static dev.portal.fulfillment.support.SandboxOrders.FTTH;
import static dev.portal.fulfillment.support.SandboxOrders.HANAKO;
import static dev.portal.fulfillment.support.SandboxOrders.VPN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.whmcs.ClientService;
import dev.portal.fulfillment.FulfillmentTestBase;
import dev.portal.fulfillment.support.ApprovalRecords;
import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.test.ReceivedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Approvals reach the saga through the real consumer on real Kafka: duplicates, replays and late, older approvals
 * start nothing twice; the portal's own writes are skipped; an unreadable event is dead-lettered without a saga.
 */
class ApprovalIT extends FulfillmentTestBase {

    private static final long HANAKOS_CLIENT = 1;

    @Test
    void the_same_approval_delivered_three_times_places_one_whmcs_order() {
        String order = orders.create(HANAKO, null, FTTH, VPN);
        orders.approve(List.of(order));
        ProducerRecord<String, byte[]> approval = ApprovalRecords.approved(order, Instant.now(), 7001, 9001);

        publish(List.of(approval, approval, approval));

        await().atMost(Duration.ofSeconds(60)).until(() -> saga(order).map(s -> s.status() == SagaStatus.COMPLETED).orElse(false));
        awaitApprovalsConsumed();
        Map<Long, List<ClientService>> placed = whmcsOrdersOf(HANAKOS_CLIENT, order);
        assertThat(placed).as("WHMCS orders carrying the reference").hasSize(1);
        long whmcsOrder = placed.keySet().iterator().next();
        assertThat(placed.get(whmcsOrder)).extracting(ClientService::status).containsOnly("Active");
        assertThat(jdbc.sql("select count(*) from saga_instances where business_key = ?").param(order).query(Long.class).single())
                .isEqualTo(1);
        JsonNode salesforceOrder = orders.order(order);
        assertThat(salesforceOrder.get("Activation_Status__c").asString()).isEqualTo("Activated");
        assertThat(salesforceOrder.get("WHMCS_Order_ID__c").asString()).isEqualTo(Long.toString(whmcsOrder));
        List<ReceivedEvent> statuses = events.await(Topics.FULFILLMENT_EVENTS.name(), order,
                "portal.fulfillment.order-status-changed.v1", 2);
        assertThat(statuses).extracting(event -> event.json().get("status").asString()).containsExactly("ACTIVATING", "ACTIVATED");
        assertThat(statuses.getLast().json().get("whmcsOrderId").asLong()).isEqualTo(whmcsOrder);
        assertThat(statuses.getLast().json().get("accountId").asString()).isEqualTo(HANAKO);
    }

    @Test
    void every_step_change_is_published_in_order_keyed_by_the_order() {
        String order = orders.create(HANAKO, null, FTTH);
        orders.approve(List.of(order));

        publish(List.of(ApprovalRecords.approved(order, Instant.now(), 7002, 9002)));

        List<ReceivedEvent> steps = events.await(Topics.FULFILLMENT_EVENTS.name(), order, "portal.fulfillment.step-recorded.v1", 8);
        assertThat(steps).extracting(event -> event.json().get("step").asString() + " " + event.json().get("status").asString())
                .containsExactly("mark-activating RUNNING", "mark-activating SUCCEEDED", "map-products RUNNING", "map-products SUCCEEDED",
                        "create-whmcs-order RUNNING", "create-whmcs-order SUCCEEDED", "mark-activated RUNNING", "mark-activated SUCCEEDED");
        assertThat(steps).allSatisfy(event -> {
            assertThat(event.key()).isEqualTo(order);
            assertThat(event.json().get("sagaId").asString()).isNotBlank();
            assertThat(event.json().get("attempt").asInt()).isEqualTo(1);
        });
    }

    @Test
    void an_older_approval_delivered_after_a_newer_one_starts_nothing_again() {
        String order = orders.create(HANAKO, null, VPN);
        orders.approve(List.of(order));
        Instant newer = Instant.now();
        publish(List.of(ApprovalRecords.approved(order, newer, 7004, 9004)));
        await().atMost(Duration.ofSeconds(60)).until(() -> saga(order).map(s -> s.status() == SagaStatus.COMPLETED).orElse(false));

        publish(List.of(ApprovalRecords.approved(order, newer.minusSeconds(60), 7003, 9003)));

        awaitApprovalsConsumed();
        assertThat(jdbc.sql("select count(*) from saga_instances where business_key = ?").param(order).query(Long.class).single())
                .isEqualTo(1);
        assertThat(whmcsOrdersOf(HANAKOS_CLIENT, order)).hasSize(1);
    }

    @Test
    void the_portals_own_writes_coming_back_as_change_events_start_nothing() {
        String order = orders.create(HANAKO, null, VPN);

        publish(List.of(ApprovalRecords.portalWrite(order, Instant.now(), 7005, 9005)));

        awaitApprovalsConsumed();
        assertThat(saga(order)).isEmpty();
        assertThat(whmcsOrdersOf(HANAKOS_CLIENT, order)).isEmpty();
    }

    @Test
    void an_unreadable_change_event_is_dead_lettered_at_once_and_touches_no_saga() {
        String order = orders.create(HANAKO, null, VPN);

        publish(List.of(ApprovalRecords.unreadable(order)));

        ReceivedEvent dead = events.await(Topics.SALESFORCE_ORDER.deadLetter().name(), order, "salesforce.cdc.order.changed.v1");
        assertThat(dead.header("kafka_dlt-exception-cause-fqcn")).hasValueSatisfying(fqcn -> assertThat(fqcn).contains("MalformedEventException"));
        awaitApprovalsConsumed();
        assertThat(saga(order)).isEmpty();
        assertThat(whmcsOrdersOf(HANAKOS_CLIENT, order)).isEmpty();
    }
}
