package dev.portal.clients.whmcs;

import java.util.List;

/** AddOrder's answer: the order, its services (WHMCS's comma string split), and the invoice (null when none). */
public record PlacedOrder(long orderId, List<Long> serviceIds, Long invoiceId) {

    public PlacedOrder {
        serviceIds = List.copyOf(serviceIds);
    }
}
