package dev.portal.catalog.salesforce;

import dev.portal.catalog.products.CatalogItem;
import dev.portal.catalog.products.Category;
import dev.portal.catalog.products.PricebookSource;
import dev.portal.catalog.products.SalesforceId;
import dev.portal.catalog.config.CatalogProperties;
import dev.portal.clients.salesforce.SalesforceClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The portal price book read through Salesforce REST (SOQL). Salesforce's field names and its rules for what is
 * sellable stay here: an entry is served when it and its Pricebook2 and Product2 are active, the product is
 * {@code Portal_Visible__c} and its {@code Portal_Category__c} is one the portal sells.
 */
@Component
class SalesforcePricebook implements PricebookSource {

    // Parent fields are filtered here rather than in WHERE: the same rules apply to a full load and to a re-read.
    private static final String SELECT = "SELECT Id, Pricebook2Id, Product2Id, UnitPrice, CurrencyIsoCode, IsActive, "
            + "Pricebook2.IsActive, Product2.Name, Product2.ProductCode, Product2.IsActive, Product2.Portal_Category__c, "
            + "Product2.Portal_Visible__c, Product2.Family_Plan__c, Product2.WH_Product_ID__c FROM PricebookEntry ";

    private final SalesforceClient salesforce;
    private final String pricebookId;

    SalesforcePricebook(SalesforceClient salesforce, CatalogProperties properties) {
        this.salesforce = salesforce;
        this.pricebookId = properties.pricebookId();
    }

    @Override
    public List<CatalogItem> readAll() {
        return read("WHERE Pricebook2Id = '" + pricebookId + "'");
    }

    @Override
    public List<CatalogItem> readEntry(String pricebookEntryId) {
        return read("WHERE Id = '" + checked(pricebookEntryId) + "'");
    }

    @Override
    public List<CatalogItem> readProduct(String productId) {
        return read("WHERE Pricebook2Id = '" + pricebookId + "' AND Product2Id = '" + checked(productId) + "'");
    }

    private List<CatalogItem> read(String where) {
        return salesforce.queryTrees(SELECT + where).stream().map(this::sellable).flatMap(Optional::stream).toList();
    }

    private Optional<CatalogItem> sellable(JsonNode entry) {
        JsonNode product = entry.path("Product2");
        Optional<Category> category = Category.fromSalesforce(text(product, "Portal_Category__c"));
        boolean sellable = pricebookId.equals(text(entry, "Pricebook2Id"))
                && entry.path("IsActive").asBoolean(false)
                && entry.path("Pricebook2").path("IsActive").asBoolean(true)
                && product.path("IsActive").asBoolean(false)
                && product.path("Portal_Visible__c").asBoolean(false)
                && category.isPresent()
                && entry.path("UnitPrice").isNumber();
        if (!sellable) {
            return Optional.empty();
        }
        JsonNode pid = product.path("WH_Product_ID__c");
        BigDecimal price = entry.path("UnitPrice").decimalValue().stripTrailingZeros();
        price = price.scale() < 0 ? price.setScale(0) : price;
        String currency = text(entry, "CurrencyIsoCode");
        return Optional.of(new CatalogItem(text(entry, "Product2Id"), text(entry, "Id"), text(product, "Name"),
                text(product, "ProductCode"), category.get(), product.path("Family_Plan__c").asBoolean(false),
                pid.isNumber() ? pid.asLong() : null, price,
                // an org without multi-currency sends no CurrencyIsoCode: its corporate currency, JPY for this portal
                currency == null ? "JPY" : currency));
    }

    // Ids from events go into SOQL: only a well-formed Salesforce id gets there.
    private static String checked(String id) {
        if (!SalesforceId.isWellFormed(id)) {
            throw new IllegalArgumentException("not a Salesforce id: " + id);
        }
        return id;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
