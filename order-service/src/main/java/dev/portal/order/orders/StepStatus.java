package dev.portal.order.orders;

/** The state of one fulfillment step, as fulfillment-service reports it ({@code step-recorded} events). */
public enum StepStatus {
    RUNNING, SUCCEEDED, RETRYING, WAITING, FAILED, COMPENSATING, COMPENSATED, PARKED
}
