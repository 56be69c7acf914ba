package dev.portal.sandbox.salesforce;

import java.util.List;

/**
 * The changes of one Salesforce transaction, in commit order, published as a Spring application event after
 * the records were stored. Every event of one transaction shares a transaction key; sequence numbers follow
 * the list order starting at 1.
 */
public record SalesforceRecordsChanged(String transactionKey, List<SalesforceRecordChange> changes) {

    public SalesforceRecordsChanged {
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a transaction changes at least one record");
        }
    }
}
