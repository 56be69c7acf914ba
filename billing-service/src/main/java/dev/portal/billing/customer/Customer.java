package dev.portal.billing.customer;

/**
 * The caller as billing knows them: their WHMCS client, and their Salesforce Account when the token names one.
 * Both come from the validated access token, never from the request.
 *
 * @param whmcsClientId the WHMCS client whose invoices, payment methods and services are read
 * @param accountId     the Salesforce Account id, or null when the token carries none
 */
public record Customer(long whmcsClientId, String accountId) {
}
