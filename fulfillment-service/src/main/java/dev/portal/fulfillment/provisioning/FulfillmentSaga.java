package dev.portal.fulfillment.provisioning;

import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import dev.portal.platform.saga.SagaDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fulfillment of an approved order, as a saga read top to bottom (decision 0029). Each step's changes are
 * published as fulfillment events in the transaction that records them ({@link FulfillmentEvents}).
 *
 * <pre>
 * mark-activating     Salesforce Activation_Status__c = Activating     compensation: mark-failed (Failed + reason)
 * map-products        OrderItems to WHMCS products and Freebit plans
 * create-whmcs-order  AddOrder (+ AcceptOrder without a SIM line)       compensation: cancel-whmcs-order
 * activate-sim        Freebit activation followed to completion, then AcceptOrder (orders with a SIM line)
 * mark-activated      Salesforce: WHMCS order id, service ids, Activation_Status__c = Activated
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class FulfillmentSaga {

    public static final String NAME = "fulfillment";
    public static final String MARK_ACTIVATING = "mark-activating";
    public static final String MAP_PRODUCTS = "map-products";
    public static final String CREATE_WHMCS_ORDER = "create-whmcs-order";
    public static final String ACTIVATE_SIM = "activate-sim";
    public static final String MARK_ACTIVATED = "mark-activated";
    public static final String CANCEL_WHMCS_ORDER = "cancel-whmcs-order";
    public static final String MARK_FAILED = "mark-failed";

    /** The definition with its steps and listener; tests build it with fake participants. */
    static SagaDefinition<Fulfillment> define(MarkActivating markActivating, MapProducts mapProducts, CreateWhmcsOrder createWhmcsOrder,
                                              ActivateSim activateSim, MarkActivated markActivated, FulfillmentEvents events) {
        return SagaDefinition.named(NAME, Fulfillment.class)
                .step(MARK_ACTIVATING).invoke(markActivating).withCompensation(MARK_FAILED, markActivating::markFailed)
                .step(MAP_PRODUCTS).invoke(mapProducts)
                .step(CREATE_WHMCS_ORDER).invoke(createWhmcsOrder).withCompensation(CANCEL_WHMCS_ORDER, createWhmcsOrder::cancel)
                .step(ACTIVATE_SIM).invoke(activateSim)
                .step(MARK_ACTIVATED).invoke(markActivated)
                .onParked(Topics.FULFILLMENT_EVENTS, events::parked)
                .onChange(events)
                .build();
    }

    @Bean
    FulfillmentEvents fulfillmentEvents(Outbox outbox) {
        return new FulfillmentEvents(outbox::publish);
    }

    @Bean
    SagaDefinition<Fulfillment> fulfillmentDefinition(MarkActivating markActivating, MapProducts mapProducts, CreateWhmcsOrder createWhmcsOrder,
                                                ActivateSim activateSim, MarkActivated markActivated, FulfillmentEvents events) {
        return define(markActivating, mapProducts, createWhmcsOrder, activateSim, markActivated, events);
    }
}
