package dev.portal.order.checkout;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who started a checkout: how an order that Salesforce reports before its checkout finished (or after the service died
 * half-way) is still known to be its user's.
 */
@Component
public class CheckoutOwners {

    private final Checkouts checkouts;

    CheckoutOwners(Checkouts checkouts) {
        this.checkouts = checkouts;
    }

    /** The portal user whose checkout {@code reference} is, while the checkout is remembered. */
    public Optional<UUID> userOf(UUID reference) {
        return checkouts.findById(reference).map(Checkout::userId);
    }
}
