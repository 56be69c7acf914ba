package dev.portal.identity.signup;

import java.time.Instant;
import java.util.Optional;

/** What signup and linking need of Salesforce: the customer's Account, and marking it registered. */
interface SalesforceCustomers {

    /** The Account whose customer number is {@code customerNumber}. */
    Optional<Account> byCustomerNumber(String customerNumber);

    /** Marks the Account registered with its WHMCS client; the same values however often it runs. */
    void markRegistered(String accountId, int whmcsClientId, Instant registeredAt);

    /** An Account's id and its WHMCS client reference (empty when not linked). */
    record Account(String id, Optional<String> whmcsAccount) {
    }
}
