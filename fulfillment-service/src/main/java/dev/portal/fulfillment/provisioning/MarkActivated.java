package dev.portal.fulfillment.provisioning;

import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code mark-activated}: Salesforce learns the WHMCS order, its services and {@code Activation_Status__c =
 * "Activated"}. The services are live by now, so a refusal is never undone by cancelling them: it parks for a person.
 */
@Component
class MarkActivated implements StepAction<Fulfillment> {

    private static final Logger log = LoggerFactory.getLogger(MarkActivated.class);

    private final SalesforceOrders salesforce;

    MarkActivated(SalesforceOrders salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public StepOutcome<Fulfillment> apply(StepContext<Fulfillment> step) {
        Fulfillment fulfillment = step.data();
        try {
            salesforce.markActivated(fulfillment.orderId(), fulfillment.whmcsOrderId(), fulfillment.whmcsServiceIds());
        } catch (ParticipantRefused refused) {
            return step.park(refused.getMessage());
        }
        log.info("order {} activated: WHMCS order {} services {} (saga {})", fulfillment.orderId(), fulfillment.whmcsOrderId(),
                fulfillment.whmcsServiceIds(), step.instanceId());
        return step.done();
    }
}
