package dev.portal.catalog.snapshot;

import dev.portal.platform.errors.TemporarilyUnavailable;

/**
 * The catalogue is cold and its load did not finish within {@code cold-load-wait}. Temporarily unavailable to the
 * domain; the HTTP edge answers it as a gateway timeout (504), since a source did not answer in time.
 */
public final class CatalogTimeout extends TemporarilyUnavailable {

    CatalogTimeout() {
        super("catalog-timeout", "Catalog timed out", "The product catalog could not be loaded in time. Try again shortly.");
    }
}
