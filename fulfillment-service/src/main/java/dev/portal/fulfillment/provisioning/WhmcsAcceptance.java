package dev.portal.fulfillment.provisioning;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Accepts a WHMCS order at most once: AcceptOrder takes a Pending order only, so the order's status is read first
 * (an earlier attempt may have accepted it before its answer was lost) and read again after a refusal.
 */
@Component
class WhmcsAcceptance {

    private static final Logger log = LoggerFactory.getLogger(WhmcsAcceptance.class);

    private final WhmcsOrders whmcs;

    WhmcsAcceptance(WhmcsOrders whmcs) {
        this.whmcs = whmcs;
    }

    /**
     * Makes sure the order is accepted.
     *
     * @return empty when it is accepted now; otherwise why it cannot be (a status no retry changes, for a person)
     */
    Optional<String> accept(long orderId) {
        Optional<String> status = whmcs.status(orderId);
        if (status.filter("Active"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        if (status.filter("Pending"::equalsIgnoreCase).isEmpty()) {
            return Optional.of("WHMCS order " + orderId + " is " + status.orElse("unknown to WHMCS") + ", not Pending: it cannot be accepted");
        }
        try {
            whmcs.accept(orderId);
        } catch (ParticipantRefused refused) {
            if (whmcs.status(orderId).filter("Active"::equalsIgnoreCase).isEmpty()) {
                return Optional.of(refused.getMessage());
            }
        }
        log.info("WHMCS order {} accepted", orderId);
        return Optional.empty();
    }
}
