package dev.portal.catalog.products;

import java.util.List;

/**
 * Where the catalogue comes from (Salesforce REST). Every method returns only sellable items of the portal price
 * book, and throws the clients' {@code ExternalSystemException}s when the source cannot answer.
 */
public interface PricebookSource {

    /** Every sellable entry of the price book. */
    List<CatalogItem> readAll();

    /** The entry with this PricebookEntry id, if it is sellable and in the price book (else an empty list). */
    List<CatalogItem> readEntry(String pricebookEntryId);

    /** The sellable entries of this Product2 in the price book. */
    List<CatalogItem> readProduct(String productId);
}
