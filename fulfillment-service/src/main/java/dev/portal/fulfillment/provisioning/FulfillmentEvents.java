package dev.portal.fulfillment.provisioning;

import dev.portal.fulfillment.provisioning.FulfillmentOrderStatusChanged.Status;
import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.Direction;
import dev.portal.platform.saga.ParkedSaga;
import dev.portal.platform.saga.SagaListener;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.saga.StepChange;
import dev.portal.platform.saga.StepStatus;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the saga's step changes into the fulfillment events order-service reads (docs/events.md), written through
 * the outbox inside the transaction that records each change: a change is published exactly when it is recorded.
 *
 * <ul>
 *   <li>Every change of a step is a {@link FulfillmentStepRecorded}, except what changes nothing for the customer:
 *       {@code activate-sim} of an order without a SIM line, and a waiting step that looks again and still waits.</li>
 *   <li>The order's status ({@link FulfillmentOrderStatusChanged}) follows: {@code ACTIVATING} once marked (and again
 *       when a payment method came or an operator retried), {@code WAITING_FOR_PAYMENT_METHOD}, {@code ACTIVATED} when
 *       the saga completes, {@code FAILED} when it is compensated, {@code PARKED} when it parks (the definition's
 *       parked event) or its compensation fails.</li>
 * </ul>
 */
public final class FulfillmentEvents implements SagaListener<Fulfillment> {

    private static final Logger log = LoggerFactory.getLogger(FulfillmentEvents.class);

    private final BiConsumer<dev.portal.platform.events.Topic, DomainEvent> outbox;

    /** @param outbox publishes in the caller's transaction ({@code Outbox::publish}) */
    public FulfillmentEvents(BiConsumer<dev.portal.platform.events.Topic, DomainEvent> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void changed(StepChange<Fulfillment> change) {
        Fulfillment data = change.data();
        if (!change.isStep()) {
            if (change.sagaStatus() == SagaStatus.COMPENSATED) {
                status(data, Status.FAILED, CustomerReasons.failure(change.sagaReason()), change);
            } else if (change.sagaStatus() == SagaStatus.PARKED) {
                status(data, Status.PARKED, CustomerReasons.NEEDS_ATTENTION, change);
            }
            return;
        }
        if (FulfillmentSaga.ACTIVATE_SIM.equals(change.step()) && !data.hasSimLine()) {
            return;
        }
        boolean recheck = change.resumedFrom() == StepStatus.WAITING
                && (change.status() == StepStatus.STARTED || change.status() == StepStatus.WAITING);
        if (recheck) {
            return;
        }
        outbox.accept(Topics.FULFILLMENT_EVENTS, new FulfillmentStepRecorded(data.orderId(), change.instanceId(), change.name(),
                stepStatus(change), change.attempt(), stepReason(change), change.at()));

        boolean forward = change.direction() == Direction.EXECUTE;
        if (change.sagaStatus() == SagaStatus.COMPLETED) {
            status(data, Status.ACTIVATED, null, change);
        } else if (change.sagaStatus() == SagaStatus.COMPENSATED) {
            status(data, Status.FAILED, CustomerReasons.failure(change.sagaReason()), change);
        } else if (change.sagaStatus() == SagaStatus.FAILED) {
            status(data, Status.PARKED, CustomerReasons.NEEDS_ATTENTION, change);
        } else if (forward && change.status() == StepStatus.SUCCEEDED && FulfillmentSaga.MARK_ACTIVATING.equals(change.step())) {
            status(data, Status.ACTIVATING, null, change);
        } else if (forward && FulfillmentSaga.CREATE_WHMCS_ORDER.equals(change.step()) && change.status() == StepStatus.WAITING) {
            status(data, Status.WAITING_FOR_PAYMENT_METHOD, CustomerReasons.WAITING_FOR_PAYMENT_METHOD, change);
        } else if (forward && FulfillmentSaga.CREATE_WHMCS_ORDER.equals(change.step()) && change.status() == StepStatus.SUCCEEDED
                && change.resumedFrom() == StepStatus.WAITING) {
            status(data, Status.ACTIVATING, null, change);
        } else if (forward && change.status() == StepStatus.RETRYING
                && (change.resumedFrom() == StepStatus.PARKED || change.resumedFrom() == StepStatus.FAILED)) {
            status(data, Status.ACTIVATING, null, change);
        }
    }

    /** The definition's parked event: the order's status becomes {@code PARKED}, published after the step's change. */
    public DomainEvent parked(ParkedSaga<Fulfillment> parked) {
        Fulfillment data = parked.data();
        log.warn("order {} parked on {}: {} (saga {})", data.orderId(), parked.step(), parked.reason(), parked.instanceId());
        return new FulfillmentOrderStatusChanged(data.orderId(), data.accountId(), Status.PARKED, CustomerReasons.NEEDS_ATTENTION,
                data.whmcsOrderId(), data.whmcsServiceIds(), parked.parkedAt());
    }

    private void status(Fulfillment data, Status status, String reason, StepChange<Fulfillment> change) {
        log.info("order {} {} (saga {})", data.orderId(), status, change.instanceId());
        outbox.accept(Topics.FULFILLMENT_EVENTS, new FulfillmentOrderStatusChanged(data.orderId(), data.accountId(), status, reason,
                data.whmcsOrderId(), data.whmcsServiceIds(), change.at()));
    }

    private static FulfillmentStepRecorded.Status stepStatus(StepChange<Fulfillment> change) {
        boolean compensating = change.direction() == Direction.COMPENSATE;
        return switch (change.status()) {
            case STARTED -> compensating ? FulfillmentStepRecorded.Status.COMPENSATING : FulfillmentStepRecorded.Status.RUNNING;
            case SUCCEEDED -> compensating ? FulfillmentStepRecorded.Status.COMPENSATED : FulfillmentStepRecorded.Status.SUCCEEDED;
            case RETRYING -> FulfillmentStepRecorded.Status.RETRYING;
            case WAITING -> FulfillmentStepRecorded.Status.WAITING;
            case FAILED -> FulfillmentStepRecorded.Status.FAILED;
            case PARKED -> FulfillmentStepRecorded.Status.PARKED;
        };
    }

    private static String stepReason(StepChange<Fulfillment> change) {
        return switch (change.status()) {
            case RETRYING -> change.resumedFrom() == StepStatus.PARKED || change.resumedFrom() == StepStatus.FAILED
                    ? null : CustomerReasons.RETRYING;
            case WAITING -> FulfillmentSaga.CREATE_WHMCS_ORDER.equals(change.step()) ? CustomerReasons.WAITING_FOR_PAYMENT_METHOD
                    : CustomerReasons.WAITING_FOR_ACTIVATION;
            case FAILED -> CustomerReasons.failure(change.reason());
            case PARKED -> CustomerReasons.NEEDS_ATTENTION;
            default -> null;
        };
    }
}
