package dev.portal.fulfillment.provisioning;

import java.util.List;
import java.util.Optional;

/**
 * What the fulfillment reads and writes of a Salesforce Order. Writes set values (repeating one changes nothing).
 * Salesforce refusing a call is a {@link ParticipantRefused}; an answer that cannot be read is a
 * {@link ParticipantUnreadable}; timeouts and outages are the clients' exceptions (retried).
 */
public interface SalesforceOrders {

    /** The order, if Salesforce has it. */
    Optional<OrderRecord> order(String orderId);

    /** The order's items with their products. */
    List<OrderItemRecord> items(String orderId);

    /** {@code Activation_Status__c = "Activating"}, the error cleared. */
    void markActivating(String orderId);

    /** {@code Activation_Status__c = "Activated"} with the WHMCS order and its services, the error cleared. */
    void markActivated(String orderId, long whmcsOrderId, List<Long> whmcsServiceIds);

    /** {@code Activation_Status__c = "Failed"} with {@code reason} (customer-safe) in {@code Activation_Error__c}. */
    void markFailed(String orderId, String reason);

    /**
     * An Order as the fulfillment reads it.
     *
     * @param whmcsAccount     the Account's {@code WH_Account__c} (the WHMCS client id), or null
     * @param activationStatus {@code Activation_Status__c}
     * @param whmcsOrderId     {@code WHMCS_Order_ID__c}, or null
     * @param simType          {@code SIM_Type__c} ({@code Physical}, {@code eSIM}), or null
     */
    record OrderRecord(String id, String accountId, String whmcsAccount, String activationStatus, String whmcsOrderId,
                       String msisdn, String simType, String eid) {
    }

    /**
     * An OrderItem with its product.
     *
     * @param whmcsProductId {@code Product2.WH_Product_ID__c}, or null
     * @param category       {@code Product2.Portal_Category__c}
     */
    record OrderItemRecord(String id, String product2Id, String productName, Double whmcsProductId, String category,
                           double quantity) {
    }
}
