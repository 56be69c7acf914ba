package dev.portal.identity.signup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What signup and linking need of Salesforce: the customer's Account and its contacts' emails, and marking it registered. */
interface SalesforceCustomers {

    /** The Account whose customer number is {@code customerNumber}. */
    Optional<Account> byCustomerNumber(String customerNumber);

    /** The email addresses of the Account's contacts, oldest contact first (the one on file comes first). */
    List<String> contactEmails(String accountId);

    /** Marks the Account registered with its WHMCS client; the same values however often it runs. */
    void markRegistered(String accountId, int whmcsClientId, Instant registeredAt);

    /** An Account's id and its WHMCS client reference (empty when not linked). */
    record Account(String id, Optional<String> whmcsAccount) {
    }
}
