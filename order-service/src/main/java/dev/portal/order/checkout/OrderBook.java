package dev.portal.order.checkout;

import dev.portal.order.orders.SalesforceOrder;
import java.util.Optional;
import java.util.UUID;

/** Where orders are created: Salesforce. */
public interface OrderBook {

    /**
     * Creates the order with all its items, or nothing (one all-or-none request), and answers it as Salesforce holds it.
     * Sent once: a timeout leaves its outcome unknown, to be settled with {@link #findByReference}.
     */
    SalesforceOrder create(NewOrder order);

    /** The order carrying {@code reference}, with its items, if an earlier attempt created it. */
    Optional<SalesforceOrder> findByReference(UUID reference);
}
