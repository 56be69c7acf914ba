package dev.portal.billing.paymentmethods;

import dev.portal.billing.cache.CacheName;
import dev.portal.billing.cache.SharedCache;
import dev.portal.billing.customer.CallingCustomer;
import dev.portal.billing.customer.Customer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's payment methods (WHMCS GetPayMethods), cached for {@code portal.billing.cache.payment-methods}
 * (15 min). Adding or changing one happens in WHMCS (its client area, reached through a payment link).
 */
@RestController
class PaymentMethodController {

    private final WhmcsPaymentMethods whmcs;
    private final SharedCache cache;
    private final CallingCustomer caller;

    PaymentMethodController(WhmcsPaymentMethods whmcs, SharedCache cache, CallingCustomer caller) {
        this.whmcs = whmcs;
        this.cache = cache;
        this.caller = caller;
    }

    @GetMapping("/api/payment-methods")
    PaymentMethods list() {
        Customer customer = caller.get();
        return cache.read(customer, CacheName.PAYMENT_METHODS, "all", PaymentMethods.class, () -> whmcs.of(customer.whmcsClientId()));
    }
}
