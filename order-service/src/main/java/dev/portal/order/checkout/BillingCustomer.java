package dev.portal.order.checkout;

/**
 * The customer as the billing system describes them when an order is placed.
 *
 * @param closed  whether the billing account is closed (it takes no orders)
 * @param address the address on file now: the snapshot the order carries
 */
public record BillingCustomer(boolean closed, Address address) {
}
