package dev.portal.billing.subscriptions;

import dev.portal.billing.money.Money;
import java.time.LocalDate;

/**
 * One service the customer holds in WHMCS (a {@code tblhosting} row), read only.
 *
 * @param id           the WHMCS service id (sim-service's lines refer to it)
 * @param status       WHMCS's status in kebab-case: {@code pending, active, suspended, terminated, cancelled, fraud, completed}
 * @param sim          whether it is a SIM line (a product of the SIM product groups)
 * @param msisdn       the SIM line's phone number, SIM lines only
 * @param billingCycle WHMCS's cycle, e.g. {@code Monthly}
 */
public record Subscription(long id, String product, String productGroup, String status, boolean sim, String msisdn,
                           String billingCycle, Money recurringAmount, LocalDate registeredOn, LocalDate nextDueOn) {

    public boolean active() {
        return "active".equals(status);
    }
}
