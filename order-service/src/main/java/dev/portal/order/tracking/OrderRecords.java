package dev.portal.order.tracking;

import dev.portal.order.orders.OrderLine;
import dev.portal.order.orders.SalesforceOrder;
import java.util.List;
import java.util.Optional;

/** Orders read again from Salesforce, for orders the read model has not seen yet and for changed items. */
public interface OrderRecords {

    /** The order with its items; empty when Salesforce has no such order (any more). */
    Optional<SalesforceOrder> read(String orderId);

    /** The order's items as Salesforce holds them now. */
    List<OrderLine> lines(String orderId);
}
