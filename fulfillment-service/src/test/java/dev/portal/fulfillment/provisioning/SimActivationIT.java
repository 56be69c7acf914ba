package dev.portal.fulfillment.provisioning;

import static dev.portal.fulfillment.support.SandboxOrders.HANAKO;
import static dev.portal.fulfillment.support.SandboxOrders.VOICE_SIM;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SIM orders against the sandbox: the line is activated at Freebit and followed until active before WHMCS accepts the
 * order; a permanent refusal (injected in the sandbox) cancels the WHMCS order and marks the order Failed with a
 * reason the customer can read.
 */
class SimActivationIT extends FulfillmentTestBase {

    private static final long HANAKOS_CLIENT = 1;

    @Test
    void a_sim_order_activates_the_line_then_the_whmcs_order_goes_live_and_salesforce_learns_its_ids() {
        String order = orders.create(HANAKO, "09000000201", VOICE_SIM);
        orders.approve(List.of(order));

        publish(List.of(ApprovalRecords.approved(order, Instant.now(), 7101, 9101)));

        await().atMost(Duration.ofSeconds(60)).until(() -> saga(order).map(s -> s.status() == SagaStatus.COMPLETED).orElse(false));
        JsonNode line = JSON.readTree(SANDBOX.admin("GET", "/sandbox/admin/freebit/lines/09000000201", null));
        assertThat(line.get("state").asString()).isEqualTo("active");
        assertThat(line.get("planCode").asString()).isEqualTo("VOICE_10GB");
        Map<Long, List<ClientService>> placed = whmcsOrdersOf(HANAKOS_CLIENT, order);
        assertThat(placed).hasSize(1);
        ClientService service = placed.values().iterator().next().getFirst();
        assertThat(service.status()).isEqualTo("Active");
        assertThat(service.customField("MSISDN")).hasValue("09000000201");
        JsonNode salesforceOrder = orders.order(order);
        assertThat(salesforceOrder.get("Activation_Status__c").asString()).isEqualTo("Activated");
        assertThat(salesforceOrder.get("WHMCS_Service_IDs__c").asString()).isEqualTo(Long.toString(service.id()));
        List<ReceivedEvent> steps = events.await(Topics.FULFILLMENT_EVENTS.name(), order, "portal.fulfillment.step-recorded.v1", 11);
        assertThat(steps).extracting(event -> event.json().get("step").asString() + " " + event.json().get("status").asString())
                .containsExactly("mark-activating RUNNING", "mark-activating SUCCEEDED", "map-products RUNNING", "map-products SUCCEEDED",
                        "create-whmcs-order RUNNING", "create-whmcs-order SUCCEEDED", "activate-sim RUNNING", "activate-sim WAITING",
                        "activate-sim SUCCEEDED", "mark-activated RUNNING", "mark-activated SUCCEEDED");
    }

    @Test
    void a_freebit_refusal_cancels_the_whmcs_order_marks_salesforce_failed_and_tells_the_customer_why() {
        SANDBOX.admin("PUT", "/sandbox/admin/freebit/activations", "{\"refuse\":[\"09000000202\"],\"reason\":\"no SIM stock\"}");
        String order = orders.create(HANAKO, "09000000202", VOICE_SIM);
        orders.approve(List.of(order));

        publish(List.of(ApprovalRecords.approved(order, Instant.now(), 7102, 9102)));

        await().atMost(Duration.ofSeconds(60)).until(() -> saga(order).map(s -> s.status() == SagaStatus.COMPENSATED).orElse(false));
        Map<Long, List<ClientService>> placed = whmcsOrdersOf(HANAKOS_CLIENT, order);
        assertThat(placed).hasSize(1);
        long whmcsOrder = placed.keySet().iterator().next();
        assertThat(whmcs.getOrder(whmcsOrder).orElseThrow().cancelled()).isTrue();
        assertThat(placed.get(whmcsOrder)).extracting(ClientService::status).containsOnly("Cancelled");
        JsonNode salesforceOrder = orders.order(order);
        String reason = new SimActivationRefused().getMessage();
        assertThat(salesforceOrder.get("Activation_Status__c").asString()).isEqualTo("Failed");
        assertThat(salesforceOrder.get("Activation_Error__c").asString()).isEqualTo(reason);
        List<ReceivedEvent> statuses = events.await(Topics.FULFILLMENT_EVENTS.name(), order,
                "portal.fulfillment.order-status-changed.v1", 2);
        assertThat(statuses).extracting(event -> event.json().get("status").asString()).containsExactly("ACTIVATING", "FAILED");
        assertThat(statuses.getLast().json().get("reason").asString()).isEqualTo(reason).doesNotContain("stock");
        List<ReceivedEvent> steps = events.await(Topics.FULFILLMENT_EVENTS.name(), order, "portal.fulfillment.step-recorded.v1", 12);
        assertThat(steps).extracting(event -> event.json().get("step").asString() + " " + event.json().get("status").asString())
                .endsWith("activate-sim FAILED", "cancel-whmcs-order COMPENSATING", "cancel-whmcs-order COMPENSATED",
                        "mark-failed COMPENSATING", "mark-failed COMPENSATED");
    }
}
