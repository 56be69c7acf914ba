package dev.portal.order.salesforce;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.SalesforceClient.Subrequest;
import dev.portal.clients.salesforce.Soql;
import dev.portal.order.checkout.NewOrder;
import dev.portal.order.checkout.OrderBook;
import dev.portal.order.orders.OrderLine;
import dev.portal.order.orders.SalesforceOrder;
import dev.portal.order.tracking.OrderRecords;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Orders in Salesforce: created with their items in one all-or-none composite request (the order, one create per item,
 * then a read of the order for the number and status Salesforce gave it), and read back by id or by the checkout
 * reference ({@code OrderReferenceNumber}) through SOQL.
 */
@Component
class SalesforceOrderBook implements OrderBook, OrderRecords {

    private static final String ORDER_FIELDS = "Id, AccountId, OrderNumber, Status, EffectiveDate, Description, CreatedDate, OrderReferenceNumber";
    private static final Soql ORDER_BY_REFERENCE = Soql.of("SELECT " + ORDER_FIELDS + " FROM Order WHERE OrderReferenceNumber = :reference");
    private static final Soql ORDER_BY_ID = Soql.of("SELECT " + ORDER_FIELDS + " FROM Order WHERE Id = :id");
    private static final Soql ITEMS = Soql.of("SELECT Id, OrderId, PricebookEntryId, Product2Id, Quantity, UnitPrice, Product2.Name, "
            + "Product2.ProductCode, Product2.Portal_Category__c, PricebookEntry.CurrencyIsoCode FROM OrderItem WHERE OrderId = :order "
            + "ORDER BY CreatedDate, Id");

    private final SalesforceClient salesforce;

    SalesforceOrderBook(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public SalesforceOrder create(NewOrder order) {
        List<Subrequest> requests = new ArrayList<>();
        requests.add(Subrequest.create("order", "Order", orderFields(order)));
        for (int i = 0; i < order.items().size(); i++) {
            NewOrder.Item item = order.items().get(i);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("OrderId", "@{order.id}");
            fields.put("PricebookEntryId", item.entry().id());
            fields.put("Quantity", item.quantity());
            fields.put("UnitPrice", item.entry().unitPrice());
            requests.add(Subrequest.create("item" + i, "OrderItem", fields));
        }
        requests.add(Subrequest.get("read", "Order", "@{order.id}"));
        SalesforceClient.CompositeResponse answer = salesforce.composite(true, requests).orThrow();

        JsonNode read = answer.byReference("read").orElseThrow().body();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < order.items().size(); i++) {
            NewOrder.Item item = order.items().get(i);
            String itemId = answer.byReference("item" + i).orElseThrow().body().path("id").asString();
            lines.add(new OrderLine(itemId, item.entry().id(), item.entry().productId(), item.entry().name(), item.entry().code(),
                    item.entry().category(), item.quantity(), item.entry().unitPrice(), item.entry().currency()));
        }
        return order(read, lines);
    }

    @Override
    public Optional<SalesforceOrder> findByReference(UUID reference) {
        return salesforce.queryTrees(ORDER_BY_REFERENCE.bind("reference", reference.toString()).text())
                .stream().findFirst().map(record -> order(record, lines(SalesforceFields.text(record, "Id"))));
    }

    @Override
    public Optional<SalesforceOrder> read(String orderId) {
        return salesforce.queryTrees(ORDER_BY_ID.bind("id", orderId).text())
                .stream().findFirst().map(record -> order(record, lines(orderId)));
    }

    @Override
    public List<OrderLine> lines(String orderId) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : salesforce.queryTrees(ITEMS.bind("order", orderId).text())) {
            JsonNode product = item.path("Product2");
            String currency = SalesforceFields.text(item.path("PricebookEntry"), "CurrencyIsoCode");
            BigDecimal quantity = SalesforceFields.decimal(item, "Quantity");
            lines.add(new OrderLine(SalesforceFields.text(item, "Id"), SalesforceFields.text(item, "PricebookEntryId"),
                    SalesforceFields.text(item, "Product2Id"), SalesforceFields.text(product, "Name"),
                    SalesforceFields.text(product, "ProductCode"), SalesforceFields.category(SalesforceFields.text(product, "Portal_Category__c")),
                    quantity == null ? 1 : quantity.intValue(), SalesforceFields.decimal(item, "UnitPrice"),
                    currency == null ? "JPY" : currency));
        }
        return lines;
    }

    private static Map<String, Object> orderFields(NewOrder order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("AccountId", order.accountId());
        fields.put("Pricebook2Id", order.pricebookId());
        fields.put("Status", order.status());
        fields.put("EffectiveDate", order.effectiveDate().toString());
        fields.put("OrderReferenceNumber", order.reference().toString());
        putIfPresent(fields, "Description", order.note());
        putIfPresent(fields, "BillingStreet", order.address().street());
        putIfPresent(fields, "BillingCity", order.address().city());
        putIfPresent(fields, "BillingState", order.address().state());
        putIfPresent(fields, "BillingPostalCode", order.address().postalCode());
        putIfPresent(fields, "BillingCountry", order.address().country());
        return fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    private static SalesforceOrder order(JsonNode record, List<OrderLine> lines) {
        String reference = SalesforceFields.text(record, "OrderReferenceNumber");
        return new SalesforceOrder(SalesforceFields.text(record, "Id"), SalesforceFields.text(record, "AccountId"),
                SalesforceFields.text(record, "OrderNumber"), SalesforceFields.text(record, "Status"),
                SalesforceFields.date(record, "EffectiveDate"), SalesforceFields.text(record, "Description"),
                SalesforceFields.datetime(record, "CreatedDate"), uuidOrNull(reference), lines);
    }

    /** The checkout reference an order carries; anything else (an order made in Salesforce with its own reference) is none. */
    static UUID uuidOrNull(String reference) {
        if (reference == null) {
            return null;
        }
        try {
            return UUID.fromString(reference);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
