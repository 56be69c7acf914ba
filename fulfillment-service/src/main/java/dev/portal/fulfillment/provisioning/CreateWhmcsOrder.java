package dev.portal.fulfillment.provisioning;

import dev.portal.fulfillment.config.FulfillmentProperties;
import dev.portal.fulfillment.provisioning.WhmcsOrders.NewLine;
import dev.portal.fulfillment.provisioning.WhmcsOrders.NewOrder;
import dev.portal.fulfillment.provisioning.WhmcsOrders.PlacedOrder;
import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code create-whmcs-order}: places the order in WHMCS, never twice. WHMCS's AddOrder has no idempotency key, so
 * every service of the order carries the Salesforce Order id in a product custom field; the engine records each
 * attempt before it runs, and an attempt after the first (a retry, a crash, a lost answer) first looks for an order
 * with that reference and takes it instead of ordering again.
 *
 * <p>Without a payment method the step waits (re-checking every {@code payment-method.recheck-interval}, parking after
 * {@code wait-limit}). An order without a SIM line is accepted at once (nothing else to provision); one with a SIM
 * line stays Pending until Freebit has activated the line ({@code activate-sim}), so that a refused activation can
 * still cancel it (CancelOrder takes Pending orders only). The compensation, {@code cancel-whmcs-order}, cancels it.
 */
@Component
class CreateWhmcsOrder implements StepAction<Fulfillment> {

    /** The signal that ends the wait for a payment method at once (else the next re-check finds it). */
    static final String PAYMENT_METHOD_ADDED = "payment-method-added";
    static final String CLOSED_CLIENT = "Unable to add order when client status is Closed";

    private static final Logger log = LoggerFactory.getLogger(CreateWhmcsOrder.class);

    private final WhmcsOrders whmcs;
    private final WhmcsAcceptance acceptance;
    private final String referenceField;
    private final FulfillmentProperties.PaymentMethod paymentMethod;

    CreateWhmcsOrder(WhmcsOrders whmcs, WhmcsAcceptance acceptance, FulfillmentProperties properties) {
        this.whmcs = whmcs;
        this.acceptance = acceptance;
        this.referenceField = properties.whmcs().orderReferenceField();
        this.paymentMethod = properties.paymentMethod();
    }

    @Override
    public StepOutcome<Fulfillment> apply(StepContext<Fulfillment> step) {
        Fulfillment fulfillment = step.data();
        long client = fulfillment.whmcsClientId();
        try {
            if (step.isRepeated()) {
                Optional<PlacedOrder> earlier = whmcs.findByReference(client, referenceField, fulfillment.orderId());
                if (earlier.isPresent()) {
                    log.info("order {}: WHMCS order {} placed by an earlier attempt found by its reference (saga {})",
                            fulfillment.orderId(), earlier.get().orderId(), step.instanceId());
                    return placed(step, earlier.get());
                }
            }
            Optional<String> gateway = whmcs.paymentGateway(client);
            if (gateway.isEmpty()) {
                Duration waited = Duration.between(step.firstAttemptAt(), step.now());
                if (waited.compareTo(paymentMethod.waitLimit()) >= 0) {
                    return step.park("WHMCS client " + client + " has had no payment method for " + waited.toDays() + " days");
                }
                return step.waitFor(PAYMENT_METHOD_ADDED, paymentMethod.recheckInterval());
            }
            List<NewLine> lines = new ArrayList<>();
            for (Fulfillment.Line line : fulfillment.lines()) {
                OptionalLong field = whmcs.customFieldId(line.whmcsProductId(), referenceField);
                if (field.isEmpty()) {
                    return step.park("WHMCS product " + line.whmcsProductId() + " has no custom field '" + referenceField
                            + "' to carry the order reference");
                }
                lines.add(new NewLine(line.whmcsProductId(), line.quantity(), line.sim() ? fulfillment.sim().msisdn() : null,
                        field.getAsLong(), fulfillment.orderId()));
            }
            PlacedOrder order = whmcs.place(new NewOrder(client, gateway.get(), lines));
            log.info("order {}: WHMCS order {} placed for client {} (saga {})", fulfillment.orderId(), order.orderId(), client,
                    step.instanceId());
            return placed(step, order);
        } catch (ParticipantRefused refused) {
            if (refused.code() != null && refused.code().startsWith(CLOSED_CLIENT)) {
                throw new BillingAccountClosed();
            }
            return step.park(refused.getMessage());
        }
    }

    private StepOutcome<Fulfillment> placed(StepContext<Fulfillment> step, PlacedOrder order) {
        Fulfillment fulfillment = step.data();
        if (fulfillment.hasSimLine()) {
            return step.done(fulfillment.withWhmcsOrder(order.orderId(), order.serviceIds(), false));
        }
        Optional<String> notAccepted = acceptance.accept(order.orderId());
        if (notAccepted.isPresent()) {
            return step.park(notAccepted.get());
        }
        return step.done(fulfillment.withWhmcsOrder(order.orderId(), order.serviceIds(), true));
    }

    /**
     * {@code cancel-whmcs-order}: cancels the Pending order. One already cancelled (an earlier attempt) or unknown to
     * WHMCS is done; an accepted one cannot be cancelled through the API: the saga fails for a person to repair.
     */
    StepOutcome<Fulfillment> cancel(StepContext<Fulfillment> step) {
        Fulfillment fulfillment = step.data();
        Long orderId = fulfillment.whmcsOrderId();
        if (orderId == null) {
            return step.done();
        }
        Optional<String> status = whmcs.status(orderId);
        if (status.isEmpty() || status.get().equalsIgnoreCase("Cancelled")) {
            return step.done();
        }
        if (!status.get().equalsIgnoreCase("Pending")) {
            return step.failed("WHMCS order " + orderId + " is " + status.get() + " and cannot be cancelled through the API");
        }
        try {
            whmcs.cancel(orderId);
        } catch (ParticipantRefused refused) {
            if (whmcs.status(orderId).filter("Cancelled"::equalsIgnoreCase).isEmpty()) {
                return step.failed(refused.getMessage());
            }
        }
        log.info("order {}: WHMCS order {} cancelled (saga {})", fulfillment.orderId(), orderId, step.instanceId());
        return step.done(fulfillment.withWhmcsOrder(orderId, fulfillment.whmcsServiceIds(), false));
    }
}
