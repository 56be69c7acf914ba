package dev.portal.order.salesforce;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.Soql;
import dev.portal.order.checkout.PortalPricebook;
import dev.portal.order.checkout.PricebookEntry;
import dev.portal.order.config.OrderProperties;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The portal price book through SOQL, with the catalogue's rule of what can be sold: the entry, its price book and its
 * product are active, the product is {@code Portal_Visible__c} and in a category the portal sells.
 */
@Component
class SalesforcePortalPricebook implements PortalPricebook {

    private static final Set<String> CATEGORIES = Set.of("internet", "sim", "vpn");
    // Parent fields are checked here rather than in WHERE: the same rule as the catalogue's.
    private static final Soql ENTRIES = Soql.of("SELECT Id, Pricebook2Id, Product2Id, UnitPrice, CurrencyIsoCode, IsActive, "
            + "Pricebook2.IsActive, Product2.Name, Product2.ProductCode, Product2.IsActive, Product2.Portal_Category__c, "
            + "Product2.Portal_Visible__c FROM PricebookEntry WHERE Pricebook2Id = :pricebook AND Id IN :ids");

    private final SalesforceClient salesforce;
    private final String pricebookId;

    SalesforcePortalPricebook(SalesforceClient salesforce, OrderProperties properties) {
        this.salesforce = salesforce;
        this.pricebookId = SalesforceFields.checkedId(properties.pricebookId());
    }

    @Override
    public Map<String, PricebookEntry> orderable(Set<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, PricebookEntry> orderable = new LinkedHashMap<>();
        for (JsonNode entry : salesforce.queryTrees(ENTRIES.bind("pricebook", pricebookId).bind("ids", List.copyOf(ids)).text())) {
            JsonNode product = entry.path("Product2");
            String category = SalesforceFields.category(SalesforceFields.text(product, "Portal_Category__c"));
            BigDecimal price = SalesforceFields.decimal(entry, "UnitPrice");
            boolean sellable = pricebookId.equals(SalesforceFields.text(entry, "Pricebook2Id"))
                    && entry.path("IsActive").asBoolean(false)
                    && entry.path("Pricebook2").path("IsActive").asBoolean(true)
                    && product.path("IsActive").asBoolean(false)
                    && product.path("Portal_Visible__c").asBoolean(false)
                    && CATEGORIES.contains(category)
                    && price != null;
            if (sellable) {
                String currency = SalesforceFields.text(entry, "CurrencyIsoCode");
                String id = SalesforceFields.text(entry, "Id");
                orderable.put(id, new PricebookEntry(id, SalesforceFields.text(entry, "Product2Id"), SalesforceFields.text(product, "Name"),
                        SalesforceFields.text(product, "ProductCode"), category, price,
                        // an org without multi-currency sends no CurrencyIsoCode: its corporate currency, JPY for this portal
                        currency == null ? "JPY" : currency));
            }
        }
        return orderable;
    }

    @Override
    public Set<Long> internetProductIds() {
        Set<Long> pids = new HashSet<>();
        for (JsonNode product : salesforce.queryTrees("SELECT WH_Product_ID__c FROM Product2 WHERE Portal_Category__c = 'Internet'")) {
            JsonNode pid = product.path("WH_Product_ID__c");
            if (pid.isNumber()) {
                pids.add(pid.asLong());
            }
        }
        return pids;
    }
}
