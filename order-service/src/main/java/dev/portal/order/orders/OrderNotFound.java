package dev.portal.order.orders;

import dev.portal.platform.errors.NotFound;

/** No order with this id belongs to the caller's account (whether it exists for another account is not told). */
final class OrderNotFound extends NotFound {

    OrderNotFound() {
        super("order-not-found", "Order not found", "There is no order with this id in your account.");
    }
}
