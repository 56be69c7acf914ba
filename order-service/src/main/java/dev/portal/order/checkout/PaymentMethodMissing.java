package dev.portal.order.checkout;

import dev.portal.platform.errors.Conflict;

/** Orders need a payment method on file in the billing system first. */
final class PaymentMethodMissing extends Conflict {

    PaymentMethodMissing() {
        super("payment-method-missing", "Payment method missing",
                "Add a payment method to your account before ordering.");
    }
}
