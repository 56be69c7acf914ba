package dev.portal.fulfillment.salesforce;

import dev.portal.clients.salesforce.SalesforceApiException;
import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalRejectedException;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.fulfillment.provisioning.ParticipantRefused;
import dev.portal.fulfillment.provisioning.ParticipantUnreadable;
import dev.portal.fulfillment.provisioning.SalesforceOrders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link SalesforceOrders} on the Salesforce REST API: one SOQL query for the order with its account's WHMCS client,
 * one for its items with their products, PATCHes of the Order's activation fields. The client sends the portal's
 * {@code call-client}, so these writes come back as change events marked as the portal's own.
 */
@Component
class SalesforceOrdersClient implements SalesforceOrders {

    private static final Pattern RECORD_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private final SalesforceClient salesforce;

    SalesforceOrdersClient(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public Optional<OrderRecord> order(String orderId) {
        List<JsonNode> records = call(() -> salesforce.queryTrees("SELECT Id, AccountId, Account.WH_Account__c, Activation_Status__c,"
                + " WHMCS_Order_ID__c, MSISDN__c, SIM_Type__c, EID__c FROM Order WHERE Id = '" + id(orderId) + "'"));
        return records.stream().findFirst().map(order -> new OrderRecord(text(order, "Id"), text(order, "AccountId"),
                text(order.path("Account"), "WH_Account__c"), text(order, "Activation_Status__c"), text(order, "WHMCS_Order_ID__c"),
                text(order, "MSISDN__c"), text(order, "SIM_Type__c"), text(order, "EID__c")));
    }

    @Override
    public List<OrderItemRecord> items(String orderId) {
        List<JsonNode> records = call(() -> salesforce.queryTrees("SELECT Id, Quantity, Product2Id, Product2.Name,"
                + " Product2.WH_Product_ID__c, Product2.Portal_Category__c FROM OrderItem WHERE OrderId = '" + id(orderId)
                + "' ORDER BY Id"));
        return records.stream().map(item -> {
            JsonNode product = item.path("Product2");
            return new OrderItemRecord(text(item, "Id"), text(item, "Product2Id"), text(product, "Name"),
                    number(product.path("WH_Product_ID__c")), text(product, "Portal_Category__c"), item.path("Quantity").asDouble(0));
        }).toList();
    }

    @Override
    public void markActivating(String orderId) {
        update(orderId, fields("Activation_Status__c", "Activating", "Activation_Error__c", null));
    }

    @Override
    public void markActivated(String orderId, long whmcsOrderId, List<Long> whmcsServiceIds) {
        update(orderId, fields("Activation_Status__c", "Activated", "Activation_Error__c", null,
                "WHMCS_Order_ID__c", Long.toString(whmcsOrderId),
                "WHMCS_Service_IDs__c", whmcsServiceIds.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }

    @Override
    public void markFailed(String orderId, String reason) {
        update(orderId, fields("Activation_Status__c", "Failed", "Activation_Error__c", reason));
    }

    private void update(String orderId, Map<String, Object> fields) {
        call(() -> {
            salesforce.update("Order", id(orderId), fields);
            return null;
        });
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SalesforceApiException e) {
            throw new ParticipantRefused("salesforce", e.errorCode(), e.getMessage());
        } catch (ExternalAuthenticationException e) {
            throw new ParticipantRefused("salesforce", ParticipantRefused.AUTHENTICATION, e.getMessage());
        } catch (ExternalRejectedException e) {
            throw new ParticipantRefused("salesforce", String.valueOf(e.status()), e.getMessage());
        } catch (ExternalResponseException e) {
            throw new ParticipantUnreadable(e.getMessage(), e);
        }
    }

    /** A record id, checked before it goes into SOQL. */
    private static String id(String value) {
        if (value == null || !RECORD_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Salesforce record id: " + value);
        }
        return value;
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** A Number field: Salesforce sends {@code 20.0}; null when the field is empty. */
    private static Double number(JsonNode value) {
        if (value.isNumber()) {
            return Double.valueOf(value.asDouble());
        }
        if (value.isString() && !value.asString().isBlank()) {
            try {
                return Double.valueOf(value.asString().strip());
            } catch (NumberFormatException e) {
                throw new ParticipantUnreadable("WH_Product_ID__c is not a number: " + value.asString(), e);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isNumber() && value.asDouble() == Math.rint(value.asDouble()) ? Long.toString(value.asLong()) : value.asString();
    }
}
