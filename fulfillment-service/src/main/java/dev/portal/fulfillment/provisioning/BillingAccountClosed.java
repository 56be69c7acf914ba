package dev.portal.fulfillment.provisioning;

import dev.portal.platform.errors.RuleViolation;

/** WHMCS takes no order for a Closed client: the order fails and the customer is told why. */
public class BillingAccountClosed extends RuleViolation {

    public static final String CODE = "billing-account-closed";

    public BillingAccountClosed() {
        super(CODE, "Billing account closed", "Your billing account is closed, so this order cannot be activated.");
    }
}
