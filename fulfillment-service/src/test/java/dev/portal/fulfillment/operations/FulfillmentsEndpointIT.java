package dev.portal.fulfillment.operations;

import static dev.portal.fulfillment.support.SandboxOrders.FTTH;
import static dev.portal.fulfillment.support.SandboxOrders.HANAKO;
import static dev.portal.fulfillment.support.SandboxOrders.VPN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.fulfillment.FulfillmentTestBase;
import dev.portal.fulfillment.support.ApprovalRecords;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operator's actuator view: a parked fulfillment is listed with its reason, retried once its cause is fixed; the
 * stuck gauge and the health detail are there. Refusals are problems with a code.
 */
class FulfillmentsEndpointIT extends FulfillmentTestBase {

    private static final String SECURE_VPN = "01tSb0000000007IAA";

    @Test
    void a_parked_fulfillment_is_listed_with_its_reason_and_an_operator_retry_finishes_it_once_fixed() {
        SANDBOX.admin("PATCH", "/sandbox/admin/salesforce/records/Product2/" + SECURE_VPN, "{\"WH_Product_ID__c\":null}");
        String order = orders.create(HANAKO, null, FTTH, VPN);
        orders.approve(List.of(order));
        publish(List.of(ApprovalRecords.approved(order, Instant.now(), 7301, 9301)));
        await().atMost(Duration.ofSeconds(60)).until(() -> saga(order).map(s -> s.status() == SagaStatus.PARKED).orElse(false));

        JsonNode overview = JSON.readTree(api().get("/actuator/fulfillments").body());

        assertThat(overview.get("needingAttention")).anySatisfy(parked -> {
            assertThat(parked.get("orderId").asString()).isEqualTo(order);
            assertThat(parked.get("step").asString()).isEqualTo("map-products");
            assertThat(parked.get("reason").asString()).contains("'Secure VPN' (" + SECURE_VPN + ") has no WHMCS product");
        });

        SANDBOX.admin("PATCH", "/sandbox/admin/salesforce/records/Product2/" + SECURE_VPN, "{\"WH_Product_ID__c\":20}");
        HttpResponse<String> retried = api().post("/actuator/fulfillments/" + order, null);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> saga(order).map(s -> s.status() == SagaStatus.COMPLETED).orElse(false));
        assertThat(whmcsOrdersOf(1, order)).hasSize(1);
        JsonNode timeline = JSON.readTree(api().get("/actuator/fulfillments/" + order).body());
        assertThat(timeline.get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void retrying_an_unknown_or_a_running_fulfillment_is_refused_with_a_problem_code() {
        String order = orders.create(HANAKO, null, VPN);
        orders.approve(List.of(order));
        publish(List.of(ApprovalRecords.approved(order, Instant.now(), 7302, 9302)));
        await().atMost(Duration.ofSeconds(60)).until(() -> saga(order).map(s -> s.status() == SagaStatus.COMPLETED).orElse(false));

        HttpResponse<String> unknown = api().post("/actuator/fulfillments/801Sb0000000999IAA", null);
        HttpResponse<String> completed = api().post("/actuator/fulfillments/" + order, null);

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("fulfillment-not-found");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(409);
        assertThat(JSON.readTree(completed.body()).get("code").asString()).isEqualTo("saga-not-retryable");
    }

    @Test
    void stuck_fulfillments_are_a_metric_and_a_health_detail() {
        String metrics = api().get("/actuator/prometheus").body();
        JsonNode health = JSON.readTree(api().get("/actuator/health").body());

        assertThat(metrics).contains("portal_saga_stuck{").contains("saga=\"fulfillment\"");
        assertThat(health.at("/components/sagas/details").has("stuck")).as(health.toString()).isTrue();
    }

    private ApiClient api() {
        return ApiClient.on(port);
    }
}
