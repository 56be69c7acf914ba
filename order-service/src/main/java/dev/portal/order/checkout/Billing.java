package dev.portal.order.checkout;

import java.util.Set;

/** What checkout asks the billing system (WHMCS) about the customer. */
public interface Billing {

    /** Whether the client has at least one payment method on file. */
    boolean hasPaymentMethod(long clientId);

    /**
     * Whether the client holds an active Internet service: one in an Internet product group, or of one of
     * {@code internetProductIds}.
     */
    boolean hasActiveInternet(long clientId, Set<Long> internetProductIds);

    /** The client's status and address, read now. */
    BillingCustomer customer(long clientId);
}
