package dev.portal.fulfillment.provisioning;

import static dev.portal.fulfillment.support.SandboxOrders.TAROS_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.fulfillment.FulfillmentTestBase;
import dev.portal.fulfillment.support.ApprovalRecords;
import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.test.ReceivedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Taro's seeded order, approved while he has no payment method: it waits, re-checks WHMCS, and goes on once he adds one. */
class PaymentMethodWaitIT extends FulfillmentTestBase {

    private static final long TAROS_CLIENT = 2;

    @Test
    void an_order_without_a_payment_method_waits_and_resumes_once_the_customer_adds_one() {
        orders.approve(List.of(TAROS_ORDER));

        publish(List.of(ApprovalRecords.approved(TAROS_ORDER, Instant.now(), 7201, 9201)));

        await().atMost(Duration.ofSeconds(60)).until(() -> saga(TAROS_ORDER)
                .map(s -> s.status() == SagaStatus.WAITING && "payment-method-added".equals(s.timeline().waitingFor())).orElse(false));
        ReceivedEvent waiting = events.await(Topics.FULFILLMENT_EVENTS.name(), TAROS_ORDER, "portal.fulfillment.order-status-changed.v1", 2)
                .getLast();
        assertThat(waiting.json().get("status").asString()).isEqualTo("WAITING_FOR_PAYMENT_METHOD");
        assertThat(waiting.json().get("reason").asString()).isEqualTo(CustomerReasons.WAITING_FOR_PAYMENT_METHOD);
        assertThat(whmcsOrdersOf(TAROS_CLIENT, TAROS_ORDER)).isEmpty();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> saga(TAROS_ORDER).orElseThrow().attempts(FulfillmentSaga.CREATE_WHMCS_ORDER,
                        dev.portal.platform.saga.Direction.EXECUTE) >= 3);
        assertThat(saga(TAROS_ORDER).orElseThrow().status()).as("still waiting (or re-checking) after re-checks")
                .isIn(SagaStatus.WAITING, SagaStatus.RUNNING);
        assertThat(whmcsOrdersOf(TAROS_CLIENT, TAROS_ORDER)).isEmpty();

        addCard(TAROS_CLIENT);

        await().atMost(Duration.ofSeconds(60)).until(() -> saga(TAROS_ORDER).map(s -> s.status() == SagaStatus.COMPLETED).orElse(false));
        assertThat(whmcsOrdersOf(TAROS_CLIENT, TAROS_ORDER)).hasSize(1);
        assertThat(orders.order(TAROS_ORDER).get("Activation_Status__c").asString()).isEqualTo("Activated");
        List<ReceivedEvent> statuses = events.await(Topics.FULFILLMENT_EVENTS.name(), TAROS_ORDER,
                "portal.fulfillment.order-status-changed.v1", 4);
        assertThat(statuses).extracting(event -> event.json().get("status").asString())
                .containsExactly("ACTIVATING", "WAITING_FOR_PAYMENT_METHOD", "ACTIVATING", "ACTIVATED");
    }
}
