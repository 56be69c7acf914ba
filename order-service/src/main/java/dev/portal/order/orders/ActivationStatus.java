package dev.portal.order.orders;

/**
 * How far fulfillment has brought an order, as fulfillment-service reports it ({@code order-status-changed} events);
 * {@link #NOT_STARTED} until its first report.
 */
public enum ActivationStatus {
    NOT_STARTED, ACTIVATING, WAITING_FOR_PAYMENT_METHOD, ACTIVATED, FAILED, PARKED
}
