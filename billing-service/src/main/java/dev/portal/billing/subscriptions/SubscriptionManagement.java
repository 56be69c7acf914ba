package dev.portal.billing.subscriptions;

import dev.portal.billing.customer.Customer;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A customer's services, read from WHMCS on every request: the portal guide names no lifetime for them, and a
 * service that has just been activated should show at once.
 */
@Service
public class SubscriptionManagement {

    private final WhmcsSubscriptions whmcs;

    SubscriptionManagement(WhmcsSubscriptions whmcs) {
        this.whmcs = whmcs;
    }

    /** Every service of the customer, newest first. */
    public List<Subscription> all(Customer customer) {
        return whmcs.of(customer.whmcsClientId()).stream()
                .sorted(Comparator.comparing(Subscription::registeredOn, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Subscription::id, Comparator.reverseOrder()))
                .toList();
    }
}
