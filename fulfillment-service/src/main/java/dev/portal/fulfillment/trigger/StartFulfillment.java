package dev.portal.fulfillment.trigger;

import dev.portal.fulfillment.config.FulfillmentProperties;
import dev.portal.fulfillment.provisioning.Fulfillment;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import dev.portal.platform.saga.SagaDefinition;
import dev.portal.platform.saga.SagaRun;
import dev.portal.platform.saga.SagaSnapshot;
import dev.portal.platform.saga.Sagas;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the fulfillment of an order when Salesforce reports it approved: an UPDATE that changed {@code Status} to the
 * approved value (or a CREATE/UNDELETE already approved), or a re-read record that is approved and not yet activated.
 * The portal's own writes ({@code ce_portalorigin}) are skipped.
 *
 * <p>Idempotent by itself, without an inbox: the saga's business key is the order id, and its data keep the approval
 * (commit time and number) that started it. A duplicate, a replay or an older approval delivered late (out of order)
 * is not after the newest saga's approval and starts nothing; a newer approval while a saga holds the order starts
 * nothing either (the holder is returned). Only an approval newer than a compensated saga starts the order again.
 */
@Component
class StartFulfillment {

    static final String PORTAL_ORIGIN = "portalorigin";
    private static final Pattern ORDER_ID = Pattern.compile("801[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?");
    private static final Set<String> NOT_STARTED = Set.of("", "Not Started");
    private static final Logger log = LoggerFactory.getLogger(StartFulfillment.class);

    private final Sagas sagas;
    private final SagaDefinition<Fulfillment> fulfillment;
    private final String approvedStatus;

    StartFulfillment(Sagas sagas, SagaDefinition<Fulfillment> fulfillment, FulfillmentProperties properties) {
        this.sagas = sagas;
        this.fulfillment = fulfillment;
        this.approvedStatus = properties.approvedStatus();
    }

    void handle(OrderChanged change, EventEnvelope envelope) {
        if (change.recordId() == null || !ORDER_ID.matcher(change.recordId()).matches() || !change.recordId().equals(envelope.subject())) {
            throw new MalformedEventException("event " + envelope.id() + " is not about one Salesforce Order: " + change.recordId());
        }
        if (change.changeType() == null || change.commitTimestamp() == null) {
            throw new MalformedEventException("event " + envelope.id() + " lacks its change type or commit time");
        }
        if ("true".equalsIgnoreCase(envelope.extension(PORTAL_ORIGIN).orElse(""))) {
            return;
        }
        if (!approves(change)) {
            return;
        }
        String orderId = change.recordId();
        Fulfillment.Approval approval = new Fulfillment.Approval(change.commitTimestamp(), change.commitNumber());
        Optional<SagaSnapshot<Fulfillment>> newest = sagas.find(fulfillment, orderId);
        if (newest.isPresent() && !approval.isAfter(newest.get().data().approval())) {
            log.info("order {}: approval of {} already handled by saga {} ({}), event {}", orderId, approval.committedAt(),
                    newest.get().id(), newest.get().status(), envelope.id());
            return;
        }
        SagaRun<Fulfillment> run = sagas.start(fulfillment, orderId, Fulfillment.approved(orderId, approval));
        if (run.created()) {
            log.info("order {} approved: fulfillment saga {} is {}, event {}", orderId, run.saga().id(), run.status(), envelope.id());
        } else {
            log.info("order {} approved again while saga {} ({}) holds it: nothing started, event {}", orderId, run.saga().id(),
                    run.status(), envelope.id());
        }
    }

    private boolean approves(OrderChanged change) {
        if (!approvedStatus.equals(change.field("Status"))) {
            return false;
        }
        return switch (change.changeType()) {
            case "CREATE", "UNDELETE" -> true;
            case "UPDATE" -> change.changedFields().contains("Status") && !change.reread();
            case "DELETE" -> false;
            // a gap or a resync: Salesforce re-read the record, which says where it stands but not what changed
            default -> change.reread() && NOT_STARTED.contains(Optional.ofNullable(change.field("Activation_Status__c")).orElse(""));
        };
    }
}
