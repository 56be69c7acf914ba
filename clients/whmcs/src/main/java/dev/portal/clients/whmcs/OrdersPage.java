package dev.portal.clients.whmcs;

import java.util.List;

/** One page of GetOrders, newest first. */
public record OrdersPage(int totalResults, int startNumber, int numReturned, List<WhmcsOrder> orders) {

    public OrdersPage {
        orders = List.copyOf(orders);
    }
}
