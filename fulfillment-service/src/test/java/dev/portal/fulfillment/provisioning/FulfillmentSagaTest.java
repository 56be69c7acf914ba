package dev.portal.fulfillment.provisioning;

import static dev.portal.fulfillment.provisioning.OrderMother.CLIENT;
import static dev.portal.fulfillment.provisioning.OrderMother.EID;
import static dev.portal.fulfillment.provisioning.OrderMother.ESIM_ORDER;
import static dev.portal.fulfillment.provisioning.OrderMother.FTTH_ORDER;
import static dev.portal.fulfillment.provisioning.OrderMother.MSISDN;
import static dev.portal.fulfillment.provisioning.OrderMother.SIM_ORDER;
import static dev.portal.fulfillment.provisioning.OrderMother.approved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.fulfillment.config.FulfillmentProperties;
import dev.portal.fulfillment.provisioning.FakeSystems.Next;
import dev.portal.fulfillment.provisioning.FulfillmentOrderStatusChanged.Status;
import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.saga.Direction;
import dev.portal.platform.saga.SagaDefinition;
import dev.portal.platform.saga.SagaRun;
import dev.portal.platform.saga.SagaSnapshot;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.saga.testing.SagaTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of the fulfillment saga without infrastructure (fake Salesforce, WHMCS and Freebit): the happy paths,
 * each step failing transiently, permanently or for a person, the compensations that follow, the events published
 * with each change, and resuming from every state a dead process leaves.
 */
class FulfillmentSagaTest {

    private final SagaTestKit kit = SagaTestKit.create(SagaTestKit.properties(5, Duration.ofSeconds(1), Duration.ofMinutes(1)));
    private final FakeSystems.Salesforce salesforce = new FakeSystems.Salesforce();
    private final FakeSystems.Whmcs whmcs = new FakeSystems.Whmcs();
    private final FakeSystems.Freebit freebit = new FakeSystems.Freebit();
    private final List<DomainEvent> events = new ArrayList<>();
    private SagaDefinition<Fulfillment> saga = definition(OrderMother.properties());

    private SagaDefinition<Fulfillment> definition(FulfillmentProperties properties) {
        WhmcsAcceptance acceptance = new WhmcsAcceptance(whmcs);
        return FulfillmentSaga.define(new MarkActivating(salesforce), new MapProducts(salesforce, properties),
                new CreateWhmcsOrder(whmcs, acceptance, properties), new ActivateSim(freebit, acceptance, properties),
                new MarkActivated(salesforce), new FulfillmentEvents((topic, event) -> events.add(event)));
    }

    @BeforeEach
    void orders() {
        salesforce.add(OrderMother.ftthOrder(), OrderMother.ftth("802Sb0000000101IAA"), OrderMother.vpn("802Sb0000000102IAA"));
        salesforce.add(OrderMother.simOrder(), OrderMother.voiceSim("802Sb0000000103IAA"));
        salesforce.add(OrderMother.esimOrder(), OrderMother.voiceSim("802Sb0000000104IAA"));
        whmcs.gateways.put(CLIENT, "stripe");
    }

    // ---- happy paths ------------------------------------------------------------------------------------------

    @Test
    void an_order_without_a_sim_line_is_placed_accepted_and_marked_activated_without_the_sim_step() {
        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.COMPLETED);
        FakeSystems.Whmcs.Order order = onlyWhmcsOrder(FTTH_ORDER);
        assertThat(order.status).isEqualTo("Active");
        assertThat(order.gateway).isEqualTo("stripe");
        assertThat(order.lines).extracting(WhmcsOrders.NewLine::productId).containsExactly(1L, 20L);
        assertThat(order.lines).extracting(WhmcsOrders.NewLine::referenceField).containsExactly(12L, 202L);
        assertThat(salesforce.activationStatuses(FTTH_ORDER)).containsExactly("Activating", "Activated");
        assertThat(salesforce.field(FTTH_ORDER, "WHMCS_Order_ID__c")).isEqualTo(Long.toString(order.id));
        assertThat(salesforce.field(FTTH_ORDER, "WHMCS_Service_IDs__c")).isEqualTo("500,501");
        assertThat(steps(FTTH_ORDER)).containsExactly("mark-activating RUNNING", "mark-activating SUCCEEDED",
                "map-products RUNNING", "map-products SUCCEEDED", "create-whmcs-order RUNNING", "create-whmcs-order SUCCEEDED",
                "mark-activated RUNNING", "mark-activated SUCCEEDED");
        assertThat(statuses(FTTH_ORDER)).containsExactly(Status.ACTIVATING, Status.ACTIVATED);
        FulfillmentOrderStatusChanged activated = last(FTTH_ORDER);
        assertThat(activated.whmcsOrderId()).isEqualTo(order.id);
        assertThat(activated.whmcsServiceIds()).containsExactly(500L, 501L);
        assertThat(activated.accountId()).isEqualTo(OrderMother.ACCOUNT);
        assertThat(freebit.activations).isEmpty();
    }

    @Test
    void a_sim_order_waits_for_freebit_to_finish_the_activation_then_accepts_the_whmcs_order() {
        SagaRun<Fulfillment> run = kit.start(saga, SIM_ORDER, approved(SIM_ORDER));

        assertThat(run.status()).as("waiting for Freebit").isEqualTo(SagaStatus.WAITING);
        assertThat(freebit.activations).containsExactly(new FakeSystems.Freebit.Activation(MSISDN, "VOICE_10GB", null, "4G"));
        assertThat(onlyWhmcsOrder(SIM_ORDER).status).as("not accepted before the line is live").isEqualTo("Pending");
        assertThat(onlyWhmcsOrder(SIM_ORDER).lines).singleElement().extracting(WhmcsOrders.NewLine::domain).isEqualTo(MSISDN);
        assertThat(steps(SIM_ORDER)).endsWith("activate-sim RUNNING", "activate-sim WAITING");

        freebit.complete(MSISDN);
        kit.advance(Duration.ofSeconds(30));

        assertThat(kit.saga(saga, SIM_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(onlyWhmcsOrder(SIM_ORDER).status).isEqualTo("Active");
        assertThat(salesforce.activationStatuses(SIM_ORDER)).containsExactly("Activating", "Activated");
        assertThat(steps(SIM_ORDER)).endsWith("activate-sim WAITING", "activate-sim SUCCEEDED", "mark-activated RUNNING",
                "mark-activated SUCCEEDED");
        assertThat(statuses(SIM_ORDER)).containsExactly(Status.ACTIVATING, Status.ACTIVATED);
    }

    @Test
    void looking_at_a_line_freebit_is_still_activating_publishes_nothing_new() {
        kit.start(saga, SIM_ORDER, approved(SIM_ORDER));
        int published = events.size();

        kit.advance(Duration.ofSeconds(30));
        kit.advance(Duration.ofSeconds(30));

        assertThat(freebit.calls("state")).isEqualTo(3);
        assertThat(events).hasSize(published);
        assertThat(kit.saga(saga, SIM_ORDER).status()).isEqualTo(SagaStatus.WAITING);
    }

    @Test
    void an_esim_order_activates_the_line_with_its_eid() {
        kit.start(saga, ESIM_ORDER, approved(ESIM_ORDER));

        assertThat(freebit.activations).singleElement().satisfies(activation -> {
            assertThat(activation.msisdn()).isEqualTo("07000000002");
            assertThat(activation.eid()).isEqualTo(EID);
        });
    }

    @Test
    void step_events_carry_the_saga_id_and_the_attempt() {
        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(events).filteredOn(FulfillmentStepRecorded.class::isInstance).map(FulfillmentStepRecorded.class::cast)
                .allSatisfy(event -> {
                    assertThat(event.sagaId()).isEqualTo(run.saga().id());
                    assertThat(event.orderId()).isEqualTo(FTTH_ORDER);
                    assertThat(event.attempt()).isEqualTo(1);
                    assertThat(event.at()).isEqualTo(SagaTestKit.START);
                });
    }

    // ---- mark-activating ---------------------------------------------------------------------------------------

    @Test
    void salesforce_away_when_marking_is_retried_with_a_customer_safe_reason_and_the_leader_completes_it() {
        salesforce.on("markActivating", Next.UNAVAILABLE);

        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.WAITING);
        assertThat(stepEvents(FTTH_ORDER)).last().satisfies(event -> {
            assertThat(event.status()).isEqualTo(FulfillmentStepRecorded.Status.RETRYING);
            assertThat(event.reason()).isEqualTo(CustomerReasons.RETRYING).doesNotContain("salesforce");
        });
        kit.advance(Duration.ofSeconds(1));
        assertThat(kit.saga(saga, FTTH_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(steps(FTTH_ORDER)).startsWith("mark-activating RUNNING", "mark-activating RETRYING", "mark-activating RUNNING",
                "mark-activating SUCCEEDED");
    }

    @Test
    void an_order_whose_account_has_no_whmcs_client_parks_with_the_account_named() {
        salesforce.add(new SalesforceOrders.OrderRecord(FTTH_ORDER, "001Sb0000000003IAA", null, "Not Started", null, null, null, null),
                OrderMother.ftth("802Sb0000000101IAA"));

        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(run.saga().reason()).contains("001Sb0000000003IAA has no WHMCS client");
        assertThat(salesforce.activationStatuses(FTTH_ORDER)).as("nothing written").isEmpty();
        assertThat(parkedStatuses()).singleElement().satisfies(parked -> {
            assertThat(parked.status()).isEqualTo(Status.PARKED);
            assertThat(parked.reason()).isEqualTo(CustomerReasons.NEEDS_ATTENTION);
        });
    }

    @Test
    void an_order_salesforce_does_not_know_or_already_activated_parks_instead_of_ordering_again() {
        salesforce.add(new SalesforceOrders.OrderRecord(SIM_ORDER, OrderMother.ACCOUNT, "2", "Activated", "7", MSISDN, "Physical", null));

        SagaRun<Fulfillment> activated = kit.start(saga, SIM_ORDER, approved(SIM_ORDER));
        SagaRun<Fulfillment> unknown = kit.start(saga, "801Sb0000000999IAA", approved("801Sb0000000999IAA"));

        assertThat(activated.saga().reason()).contains("already activated (WHMCS order 7)");
        assertThat(unknown.saga().reason()).contains("Salesforce has no order 801Sb0000000999IAA");
        assertThat(whmcs.orders).isEmpty();
    }

    // ---- map-products ------------------------------------------------------------------------------------------

    @Test
    void a_product_without_a_whmcs_id_parks_naming_it_and_an_operator_retry_after_the_fix_completes_the_order() {
        salesforce.add(OrderMother.ftthOrder(), new SalesforceOrders.OrderItemRecord("802Sb0000000101IAA", "01tSb0000000009IAA",
                "Gigabit Router", null, "Internet", 1.0));

        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(run.saga().reason()).contains("'Gigabit Router' (01tSb0000000009IAA) has no WHMCS product");
        assertThat(steps(FTTH_ORDER)).endsWith("map-products RUNNING", "map-products PARKED");

        salesforce.add(OrderMother.ftthOrder(), OrderMother.ftth("802Sb0000000101IAA"));
        kit.sagas().retry(run.saga().id());

        assertThat(kit.saga(saga, FTTH_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(statuses(FTTH_ORDER)).containsExactly(Status.ACTIVATING, Status.ACTIVATING, Status.ACTIVATED);
        assertThat(steps(FTTH_ORDER)).containsSubsequence("map-products PARKED", "map-products RETRYING", "map-products RUNNING",
                "map-products SUCCEEDED");
    }

    @Test
    void the_mapping_table_maps_a_product_without_a_whmcs_id() {
        salesforce.add(OrderMother.ftthOrder(), new SalesforceOrders.OrderItemRecord("802Sb0000000101IAA", "01tSb0000000009IAA",
                "Gigabit Router", null, "Internet", 1.0));
        FulfillmentProperties base = OrderMother.properties();
        saga = definition(new FulfillmentProperties(base.timeZone(), base.approvedStatus(),
                new FulfillmentProperties.Products(Set.of("SIM"), Map.of("01tSb0000000009IAA", 2L), base.products().simPlans()),
                base.whmcs(), base.paymentMethod(), base.activation()));

        kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(onlyWhmcsOrder(FTTH_ORDER).lines).extracting(WhmcsOrders.NewLine::productId).containsExactly(2L);
    }

    @Test
    void a_sim_product_without_a_freebit_plan_or_an_order_without_a_number_parks() {
        salesforce.add(OrderMother.simOrder(), new SalesforceOrders.OrderItemRecord("802Sb0000000103IAA", "01tSb0000000006IAA",
                "SIM Family Data+Voice 5GB", 13.0, "SIM", 1.0));
        salesforce.add(new SalesforceOrders.OrderRecord(ESIM_ORDER, OrderMother.ACCOUNT, "2", "Not Started", null, null, null, null),
                OrderMother.voiceSim("802Sb0000000104IAA"));

        assertThat(kit.start(saga, SIM_ORDER, approved(SIM_ORDER)).saga().reason()).contains("SIM product 13")
                .contains("portal.fulfillment.products.sim-plans.13");
        assertThat(kit.start(saga, ESIM_ORDER, approved(ESIM_ORDER)).saga().reason()).contains("no MSISDN__c");
        assertThat(whmcs.orders).isEmpty();
    }

    // ---- create-whmcs-order -------------------------------------------------------------------------------------

    @Test
    void without_a_payment_method_the_order_waits_rechecks_quietly_and_resumes_once_one_is_added() {
        whmcs.gateways.remove(CLIENT);

        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.WAITING);
        assertThat(run.saga().timeline().waitingFor()).isEqualTo(CreateWhmcsOrder.PAYMENT_METHOD_ADDED);
        assertThat(statuses(FTTH_ORDER)).containsExactly(Status.ACTIVATING, Status.WAITING_FOR_PAYMENT_METHOD);
        assertThat(last(FTTH_ORDER).reason()).isEqualTo(CustomerReasons.WAITING_FOR_PAYMENT_METHOD);
        int published = events.size();
        kit.advance(Duration.ofMinutes(10));
        kit.advance(Duration.ofMinutes(10));
        assertThat(whmcs.calls("paymentGateway")).isEqualTo(3);
        assertThat(events).as("a re-check that still finds none publishes nothing").hasSize(published);

        whmcs.gateways.put(CLIENT, "banktransfer");
        kit.advance(Duration.ofMinutes(10));

        assertThat(kit.saga(saga, FTTH_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(onlyWhmcsOrder(FTTH_ORDER).gateway).isEqualTo("banktransfer");
        assertThat(statuses(FTTH_ORDER)).containsExactly(Status.ACTIVATING, Status.WAITING_FOR_PAYMENT_METHOD, Status.ACTIVATING,
                Status.ACTIVATED);
        assertThat(steps(FTTH_ORDER)).containsSubsequence("create-whmcs-order RUNNING", "create-whmcs-order WAITING",
                "create-whmcs-order SUCCEEDED");
    }

    @Test
    void a_signal_that_a_payment_method_was_added_resumes_the_order_at_once() {
        whmcs.gateways.remove(CLIENT);
        kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));
        whmcs.gateways.put(CLIENT, "stripe");

        kit.sagas().signal(saga, FTTH_ORDER, CreateWhmcsOrder.PAYMENT_METHOD_ADDED, null);

        assertThat(kit.saga(saga, FTTH_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void an_order_waiting_longer_than_the_limit_for_a_payment_method_parks() {
        whmcs.gateways.remove(CLIENT);
        kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        kit.runUntilSettled(Duration.ofDays(15));

        SagaSnapshot<Fulfillment> parked = kit.saga(saga, FTTH_ORDER);
        assertThat(parked.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(parked.reason()).contains("no payment method for 14 days");
        assertThat(whmcs.orders).isEmpty();
    }

    @Test
    void whmcs_away_after_waiting_for_a_payment_method_still_has_its_retries() {
        whmcs.gateways.remove(CLIENT);
        kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));
        kit.runUntilSettled(Duration.ofDays(1));
        whmcs.gateways.put(CLIENT, "stripe");
        whmcs.on("place", Next.UNAVAILABLE, Next.UNAVAILABLE, Next.UNAVAILABLE);

        kit.runUntilSettled(Duration.ofDays(1));

        assertThat(kit.saga(saga, FTTH_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(whmcs.orders).hasSize(1);
    }

    @Test
    void an_addorder_whose_answer_is_lost_is_found_by_its_reference_and_not_placed_twice() {
        whmcs.on("place", Next.ANSWER_LOST);

        kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));
        kit.advance(Duration.ofSeconds(1));

        assertThat(kit.saga(saga, FTTH_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(whmcs.calls("place")).isEqualTo(1);
        assertThat(whmcs.calls("findByReference")).isEqualTo(1);
        assertThat(onlyWhmcsOrder(FTTH_ORDER).status).isEqualTo("Active");
    }

    @Test
    void a_closed_billing_account_fails_the_order_and_tells_the_customer_why() {
        whmcs.closed.add(CLIENT);

        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(steps(FTTH_ORDER)).endsWith("create-whmcs-order RUNNING", "create-whmcs-order FAILED", "mark-failed COMPENSATING",
                "mark-failed COMPENSATED");
        String reason = new BillingAccountClosed().getMessage();
        assertThat(salesforce.activationStatuses(FTTH_ORDER)).containsExactly("Activating", "Failed");
        assertThat(salesforce.field(FTTH_ORDER, "Activation_Error__c")).isEqualTo(reason);
        assertThat(statuses(FTTH_ORDER)).containsExactly(Status.ACTIVATING, Status.FAILED);
        assertThat(last(FTTH_ORDER).reason()).isEqualTo(reason);
    }

    @Test
    void another_whmcs_refusal_parks_for_a_person_with_whmcs_s_message() {
        whmcs.refusingOrders = "Invalid Payment Method. Valid options include stripe";

        SagaRun<Fulfillment> run = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(run.saga().reason()).contains("Invalid Payment Method");
        assertThat(salesforce.activationStatuses(FTTH_ORDER)).as("not failed: a setting is wrong").containsExactly("Activating");
    }

    // ---- activate-sim ------------------------------------------------------------------------------------------

    @Test
    void a_permanent_freebit_refusal_cancels_the_whmcs_order_and_marks_the_order_failed() {
        freebit.refuse(MSISDN, "250");

        SagaRun<Fulfillment> run = kit.start(saga, SIM_ORDER, approved(SIM_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(onlyWhmcsOrder(SIM_ORDER).status).isEqualTo("Cancelled");
        assertThat(steps(SIM_ORDER)).endsWith("activate-sim RUNNING", "activate-sim FAILED", "cancel-whmcs-order COMPENSATING",
                "cancel-whmcs-order COMPENSATED", "mark-failed COMPENSATING", "mark-failed COMPENSATED");
        String reason = new SimActivationRefused().getMessage();
        assertThat(salesforce.field(SIM_ORDER, "Activation_Status__c")).isEqualTo("Failed");
        assertThat(salesforce.field(SIM_ORDER, "Activation_Error__c")).isEqualTo(reason);
        assertThat(statuses(SIM_ORDER)).containsExactly(Status.ACTIVATING, Status.FAILED);
        assertThat(last(SIM_ORDER).reason()).isEqualTo(reason).doesNotContain("250");
        assertThat(stepEvents(SIM_ORDER)).filteredOn(e -> e.step().equals("activate-sim") && e.status() == FulfillmentStepRecorded.Status.FAILED)
                .singleElement().extracting(FulfillmentStepRecorded::reason).isEqualTo(reason);
    }

    @Test
    void freebit_refusing_the_request_or_the_credentials_parks_instead_of_failing_the_customers_order() {
        freebit.refuse(MSISDN, ParticipantRefused.AUTHENTICATION);
        freebit.refuse("07000000002", "211");

        SagaRun<Fulfillment> credentials = kit.start(saga, SIM_ORDER, approved(SIM_ORDER));
        SagaRun<Fulfillment> parameter = kit.start(saga, ESIM_ORDER, approved(ESIM_ORDER));

        assertThat(credentials.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(parameter.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(onlyWhmcsOrder(SIM_ORDER).status).isEqualTo("Pending");
        assertThat(salesforce.field(SIM_ORDER, "Activation_Status__c")).isEqualTo("Activating");
    }

    @Test
    void freebit_away_is_retried_and_the_activation_is_asked_for_once() {
        freebit.on("activate", Next.ANSWER_LOST);

        kit.start(saga, SIM_ORDER, approved(SIM_ORDER));
        kit.advance(Duration.ofSeconds(1));
        freebit.complete(MSISDN);
        kit.runUntilSettled(Duration.ofMinutes(5));

        assertThat(kit.saga(saga, SIM_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(freebit.activations).hasSize(1);
    }

    @Test
    void an_activation_freebit_does_not_finish_in_time_parks_and_leaves_the_whmcs_order_pending() {
        kit.start(saga, SIM_ORDER, approved(SIM_ORDER));

        kit.runUntilSettled(Duration.ofHours(2));

        SagaSnapshot<Fulfillment> parked = kit.saga(saga, SIM_ORDER);
        assertThat(parked.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(parked.reason()).contains("has not finished activating the line after 60 minutes");
        assertThat(onlyWhmcsOrder(SIM_ORDER).status).isEqualTo("Pending");
    }

    @Test
    void a_line_cancelled_at_freebit_before_it_became_active_undoes_the_order() {
        kit.start(saga, SIM_ORDER, approved(SIM_ORDER));
        freebit.lines.put(MSISDN, "cancelled");

        kit.advance(Duration.ofSeconds(30));

        assertThat(kit.saga(saga, SIM_ORDER).status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(last(SIM_ORDER).reason()).isEqualTo(new SimLineCancelled().getMessage());
        assertThat(onlyWhmcsOrder(SIM_ORDER).status).isEqualTo("Cancelled");
    }

    @Test
    void a_line_freebit_already_had_before_the_order_asked_parks_instead_of_taking_it_over() {
        freebit.lines.put(MSISDN, "active");

        SagaRun<Fulfillment> run = kit.start(saga, SIM_ORDER, approved(SIM_ORDER));

        assertThat(run.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(run.saga().reason()).contains("already has a line " + MSISDN);
        assertThat(onlyWhmcsOrder(SIM_ORDER).status).isEqualTo("Pending");
    }

    // ---- mark-activated ----------------------------------------------------------------------------------------

    @Test
    void salesforce_refusing_the_activated_mark_parks_and_never_cancels_live_services() {
        salesforce.on("markActivated", Next.UNAVAILABLE);
        kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));
        salesforce.refuseWrites(FTTH_ORDER);

        kit.advance(Duration.ofSeconds(1));

        assertThat(kit.saga(saga, FTTH_ORDER).status()).isEqualTo(SagaStatus.PARKED);
        assertThat(onlyWhmcsOrder(FTTH_ORDER).status).isEqualTo("Active");
        assertThat(steps(FTTH_ORDER)).endsWith("mark-activated RUNNING", "mark-activated PARKED");
    }

    // ---- compensations -----------------------------------------------------------------------------------------

    @Test
    void a_cancellation_whmcs_refuses_for_an_accepted_order_fails_the_saga_for_a_person_to_repair() {
        freebit.refuse(MSISDN, "250");
        whmcs.on("status", Next.UNAVAILABLE);
        SagaRun<Fulfillment> run = kit.start(saga, SIM_ORDER, approved(SIM_ORDER));
        assertThat(run.status()).as("the compensation retries").isEqualTo(SagaStatus.COMPENSATING);
        onlyWhmcsOrder(SIM_ORDER).status = "Active";

        kit.advance(Duration.ofSeconds(1));

        SagaSnapshot<Fulfillment> failed = kit.saga(saga, SIM_ORDER);
        assertThat(failed.status()).isEqualTo(SagaStatus.FAILED);
        assertThat(failed.reason()).contains("is Active and cannot be cancelled");
        assertThat(statuses(SIM_ORDER)).containsExactly(Status.ACTIVATING, Status.PARKED);
        assertThat(salesforce.activationStatuses(SIM_ORDER)).as("not marked failed: the order is not undone").containsExactly("Activating");
    }

    @Test
    void a_compensation_that_finds_the_whmcs_order_already_cancelled_goes_on() {
        freebit.refuse(MSISDN, "250");
        whmcs.on("cancel", Next.ANSWER_LOST);

        kit.start(saga, SIM_ORDER, approved(SIM_ORDER));
        kit.advance(Duration.ofSeconds(1));

        assertThat(kit.saga(saga, SIM_ORDER).status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(whmcs.calls("cancel")).isEqualTo(1);
        assertThat(salesforce.field(SIM_ORDER, "Activation_Status__c")).isEqualTo("Failed");
    }

    // ---- resuming after a crash --------------------------------------------------------------------------------

    static Stream<Arguments> crashes() {
        return Stream.of(
                Arguments.of("salesforce", "order", Next.CRASH_BEFORE), Arguments.of("salesforce", "markActivating", Next.CRASH_AFTER),
                Arguments.of("salesforce", "items", Next.CRASH_AFTER), Arguments.of("whmcs", "paymentGateway", Next.CRASH_AFTER),
                Arguments.of("whmcs", "place", Next.CRASH_BEFORE), Arguments.of("whmcs", "place", Next.CRASH_AFTER),
                Arguments.of("freebit", "activate", Next.CRASH_BEFORE), Arguments.of("freebit", "activate", Next.CRASH_AFTER),
                Arguments.of("whmcs", "accept", Next.CRASH_AFTER), Arguments.of("salesforce", "markActivated", Next.CRASH_BEFORE),
                Arguments.of("salesforce", "markActivated", Next.CRASH_AFTER));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("crashes")
    void a_process_dying_at_any_call_leaves_a_saga_the_next_process_finishes_with_one_order_and_one_activation(
            String system, String operation, Next crash) {
        scripted(system).on(operation, crash);
        freebit.activatesAtOnce = true;

        runUntilTheProcessDies(SIM_ORDER);
        SagaTestKit next = kit.restart();
        next.sagas().register(saga);
        next.advance(next.lease());
        next.runUntilSettled(Duration.ofMinutes(10));

        assertThat(next.saga(saga, SIM_ORDER).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(whmcs.ordersWithReference(SIM_ORDER)).singleElement().satisfies(order -> assertThat(order.status).isEqualTo("Active"));
        assertThat(freebit.activations).hasSize(1);
        assertThat(salesforce.field(SIM_ORDER, "Activation_Status__c")).isEqualTo("Activated");
        assertThat(statuses(SIM_ORDER)).last().isEqualTo(Status.ACTIVATED);
    }

    @Test
    void a_process_dying_while_compensating_resumes_the_compensation_and_cancels_once() {
        freebit.refuse(MSISDN, "250");
        whmcs.on("cancel", Next.CRASH_AFTER);

        kit.startAndCrash(saga, SIM_ORDER, approved(SIM_ORDER));
        kit.advance(kit.lease());

        assertThat(kit.saga(saga, SIM_ORDER).status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(whmcs.calls("cancel")).isEqualTo(1);
        assertThat(kit.saga(saga, SIM_ORDER).attempts(FulfillmentSaga.CREATE_WHMCS_ORDER, Direction.COMPENSATE)).isEqualTo(2);
    }

    @Test
    void a_second_start_for_the_same_order_runs_nothing() {
        kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        SagaRun<Fulfillment> again = kit.start(saga, FTTH_ORDER, approved(FTTH_ORDER));

        assertThat(again.created()).isFalse();
        assertThat(whmcs.orders).hasSize(1);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Starts the order's saga and plays the leader until a fake takes the process down. */
    private void runUntilTheProcessDies(String orderId) {
        try {
            kit.start(saga, orderId, approved(orderId));
            kit.runUntilSettled(Duration.ofMinutes(10));
        } catch (dev.portal.platform.saga.testing.SimulatedCrash expected) {
            return;
        }
        throw new AssertionError("the process did not die");
    }

    private FakeSystems.Scripted scripted(String system) {
        return switch (system) {
            case "salesforce" -> salesforce;
            case "whmcs" -> whmcs;
            default -> freebit;
        };
    }

    private FakeSystems.Whmcs.Order onlyWhmcsOrder(String orderId) {
        List<FakeSystems.Whmcs.Order> placed = whmcs.ordersWithReference(orderId);
        assertThat(placed).as("WHMCS orders of %s", orderId).hasSize(1);
        return placed.getFirst();
    }

    private List<FulfillmentStepRecorded> stepEvents(String orderId) {
        return events.stream().filter(FulfillmentStepRecorded.class::isInstance).map(FulfillmentStepRecorded.class::cast)
                .filter(event -> event.orderId().equals(orderId)).toList();
    }

    private List<String> steps(String orderId) {
        return stepEvents(orderId).stream().map(event -> event.step() + " " + event.status()).toList();
    }

    /** The order's status events the listener published (parks are the engine's parked events: {@link #parkedStatuses()}). */
    private List<Status> statuses(String orderId) {
        return events.stream().filter(FulfillmentOrderStatusChanged.class::isInstance).map(FulfillmentOrderStatusChanged.class::cast)
                .filter(event -> event.orderId().equals(orderId)).map(FulfillmentOrderStatusChanged::status).toList();
    }

    private FulfillmentOrderStatusChanged last(String orderId) {
        return events.stream().filter(FulfillmentOrderStatusChanged.class::isInstance).map(FulfillmentOrderStatusChanged.class::cast)
                .filter(event -> event.orderId().equals(orderId)).reduce((first, second) -> second).orElseThrow();
    }

    private List<FulfillmentOrderStatusChanged> parkedStatuses() {
        return kit.events(FulfillmentOrderStatusChanged.class);
    }
}
