package dev.portal.catalog.snapshot;

import dev.portal.platform.errors.TemporarilyUnavailable;

/** The catalogue is cold and Salesforce cannot serve it: nothing to show until a load succeeds. */
public final class CatalogUnavailable extends TemporarilyUnavailable {

    CatalogUnavailable() {
        super("catalog-unavailable", "Catalog unavailable", "The product catalog is not available right now. Try again shortly.");
    }
}
