package dev.portal.catalog.invalidation;

import dev.portal.platform.events.EventType;

/**
 * A change of one Salesforce record as cdc-bridge publishes it (docs/events.md), read for the fields the catalogue
 * needs. The change type also travels as the {@code ce_changetype} attribute, which is what the catalogue acts on.
 */
sealed interface SalesforceChange permits SalesforceChange.PricebookEntryChanged, SalesforceChange.ProductChanged,
        SalesforceChange.PricebookChanged {

    String recordId();

    String changeType();

    @EventType("salesforce.cdc.pricebook-entry.changed.v1")
    record PricebookEntryChanged(String recordId, String changeType) implements SalesforceChange {
    }

    @EventType("salesforce.cdc.product.changed.v1")
    record ProductChanged(String recordId, String changeType) implements SalesforceChange {
    }

    @EventType("salesforce.cdc.pricebook.changed.v1")
    record PricebookChanged(String recordId, String changeType) implements SalesforceChange {
    }
}
