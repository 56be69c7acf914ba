package dev.portal.fulfillment.provisioning;

import dev.portal.fulfillment.provisioning.SalesforceOrders.OrderRecord;
import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code mark-activating}: reads the order (its account's WHMCS client, the SIM line it orders) and sets
 * {@code Activation_Status__c = "Activating"}. Its compensation, {@code mark-failed}, sets {@code "Failed"} with the
 * customer's reason. Both only set values, so repeating them changes nothing. An order this saga cannot fulfil as it
 * stands (unknown, already activated, its account without a WHMCS client) parks for a person.
 */
@Component
class MarkActivating implements StepAction<Fulfillment> {

    private static final Logger log = LoggerFactory.getLogger(MarkActivating.class);

    private final SalesforceOrders salesforce;

    MarkActivating(SalesforceOrders salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public StepOutcome<Fulfillment> apply(StepContext<Fulfillment> step) {
        Fulfillment fulfillment = step.data();
        try {
            Optional<OrderRecord> found = salesforce.order(fulfillment.orderId());
            if (found.isEmpty()) {
                return step.park("Salesforce has no order " + fulfillment.orderId());
            }
            OrderRecord order = found.get();
            if ("Activated".equalsIgnoreCase(order.activationStatus())) {
                return step.park("the order is already activated (WHMCS order " + order.whmcsOrderId() + "): nothing to fulfil again");
            }
            Long client = whmcsClient(order.whmcsAccount());
            if (client == null) {
                return step.park("account " + order.accountId() + " has no WHMCS client (WH_Account__c is '" + order.whmcsAccount() + "')");
            }
            Fulfillment.SimLine sim = null;
            if (order.msisdn() != null && !order.msisdn().isBlank()) {
                boolean esim = order.simType() != null && order.simType().toLowerCase(Locale.ROOT).contains("esim");
                if (esim && (order.eid() == null || order.eid().isBlank())) {
                    return step.park("the order is for an eSIM but has no EID__c");
                }
                sim = new Fulfillment.SimLine(order.msisdn().replace("-", "").strip(), esim ? order.eid().strip() : null);
            }
            salesforce.markActivating(fulfillment.orderId());
            log.info("order {} activating (saga {})", fulfillment.orderId(), step.instanceId());
            return step.done(fulfillment.withOrder(order.accountId(), client, sim));
        } catch (ParticipantRefused refused) {
            return step.park(refused.getMessage());
        }
    }

    /** {@code mark-failed}: the order's activation failed; the customer's reason goes to Salesforce. */
    StepOutcome<Fulfillment> markFailed(StepContext<Fulfillment> step) {
        String reason = CustomerReasons.failure(step.sagaReason().orElse(null));
        try {
            salesforce.markFailed(step.data().orderId(), reason);
        } catch (ParticipantRefused refused) {
            return step.park(refused.getMessage());
        }
        log.info("order {} failed: {} (saga {})", step.data().orderId(), reason, step.instanceId());
        return step.done();
    }

    private static Long whmcsClient(String account) {
        if (account == null) {
            return null;
        }
        String digits = account.strip();
        if (digits.endsWith(".0")) {
            digits = digits.substring(0, digits.length() - 2); // a Number field read as text
        }
        return digits.matches("[1-9]\\d{0,17}") ? Long.valueOf(digits) : null;
    }
}
