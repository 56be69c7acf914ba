package dev.portal.catalog.browsing;

import dev.portal.catalog.products.CatalogItem;
import java.math.BigDecimal;

/**
 * One product as the customer sees it.
 *
 * @param id               the Salesforce Product2 id
 * @param pricebookEntryId the entry an order line refers to
 * @param category         {@code internet}, {@code sim} or {@code vpn}
 * @param whmcsProductId   the WHMCS {@code pid}, null when Salesforce has none
 */
record ProductView(String id, String pricebookEntryId, String name, String code, String category, boolean familyPlan,
                   Long whmcsProductId, Price price) {

    record Price(BigDecimal amount, String currency) {
    }

    static ProductView of(CatalogItem item) {
        return new ProductView(item.productId(), item.pricebookEntryId(), item.name(), item.code(), item.category().wireName(),
                item.familyPlan(), item.whmcsProductId(), new Price(item.unitPrice(), item.currency()));
    }
}
