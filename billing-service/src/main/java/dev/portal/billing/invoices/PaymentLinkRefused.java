package dev.portal.billing.invoices;

import dev.portal.platform.errors.RuleViolation;

/** WHMCS refuses single sign-on for this client (e.g. a closed billing account), so no payment link can be made. */
class PaymentLinkRefused extends RuleViolation {

    PaymentLinkRefused(long invoiceId) {
        super("payment-link-refused", "Payment link refused",
                "The billing system does not allow online payment of invoice " + invoiceId + " for your account; please contact support.");
    }
}
