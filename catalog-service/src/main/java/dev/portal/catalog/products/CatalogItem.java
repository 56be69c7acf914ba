package dev.portal.catalog.products;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One product the portal sells: a Product2 with its entry in the portal price book. Only sellable items exist as
 * this type (active, portal-visible, in a known category); the Salesforce adapter decides that at the edge.
 *
 * @param whmcsProductId the WHMCS {@code pid} ({@code WH_Product_ID__c}), null when Salesforce has none
 */
public record CatalogItem(String productId, String pricebookEntryId, String name, String code, Category category,
                          boolean familyPlan, Long whmcsProductId, BigDecimal unitPrice, String currency) {

    public CatalogItem {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(pricebookEntryId, "pricebookEntryId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(currency, "currency");
    }
}
