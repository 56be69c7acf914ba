package dev.portal.fulfillment.support;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.SalesforceClient.Subrequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders in the sandbox's Salesforce, created through its REST API as order-service creates them (Draft, with items
 * from the portal price book), and approved as an operator does (Status = Approved).
 */
public final class SandboxOrders {

    public static final String HANAKO = "001Sb0000000001IAA";
    public static final String TARO = "001Sb0000000002IAA";
    public static final String KEN = "001Sb0000000004IAA";
    public static final String PORTAL_PRICEBOOK = "01sSb0000000002IAA";
    /** Portal price book entries: Hikari FTTH 1G (WHMCS 1), SIM Data+Voice 10GB (WHMCS 11), Secure VPN (WHMCS 20). */
    public static final String FTTH = "01uSb0000000101IAA";
    public static final String VOICE_SIM = "01uSb0000000104IAA";
    public static final String VPN = "01uSb0000000107IAA";
    /** Taro's seeded Draft order: Hikari FTTH 1G. */
    public static final String TAROS_ORDER = "801Sb0000000002IAA";

    private static final Map<String, Double> PRICES = Map.of(FTTH, 5280.0, VOICE_SIM, 1980.0, VPN, 550.0);
    /** A composite request holds at most 25 subrequests: an order and its items each take one. */
    private static final int SUBREQUESTS = 25;

    private final SalesforceClient salesforce;

    public SandboxOrders(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    /** A Draft order of {@code account} with one item per entry; a SIM order names its new line's number. */
    public String create(String account, String msisdn, String... entries) {
        return createMany(1, account, i -> msisdn, entries).getFirst();
    }

    /** {@code count} Draft orders, the {@code i}th with the number {@code msisdn.apply(i)} (null: no SIM line). */
    public List<String> createMany(int count, String account, java.util.function.IntFunction<String> msisdn, String... entries) {
        List<String> ids = new ArrayList<>();
        int perRequest = SUBREQUESTS / (1 + entries.length);
        for (int start = 0; start < count; start += perRequest) {
            List<Subrequest> batch = new ArrayList<>();
            int end = Math.min(count, start + perRequest);
            for (int i = start; i < end; i++) {
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("AccountId", account);
                order.put("Pricebook2Id", PORTAL_PRICEBOOK);
                order.put("Status", "Draft");
                order.put("EffectiveDate", "2026-01-08");
                order.put("Activation_Status__c", "Not Started");
                String number = msisdn.apply(i);
                if (number != null) {
                    order.put("MSISDN__c", number);
                    order.put("SIM_Type__c", "Physical");
                }
                batch.add(Subrequest.create("o" + i, "Order", order));
                for (String entry : entries) {
                    batch.add(Subrequest.create("i" + i + entry, "OrderItem", Map.of("OrderId", "@{o" + i + ".id}",
                            "PricebookEntryId", entry, "Quantity", 1, "UnitPrice", PRICES.get(entry))));
                }
            }
            SalesforceClient.CompositeResponse answer = salesforce.composite(true, batch);
            if (!answer.successful()) {
                throw new IllegalStateException("the sandbox refused the orders: " + answer);
            }
            for (int i = start; i < end; i++) {
                ids.add(answer.byReference("o" + i).orElseThrow().body().get("id").asString());
            }
        }
        return ids;
    }

    /** An operator approves the orders (25 per composite request). */
    public void approve(List<String> orderIds) {
        for (int start = 0; start < orderIds.size(); start += 25) {
            List<Subrequest> batch = new ArrayList<>();
            for (String id : orderIds.subList(start, Math.min(orderIds.size(), start + 25))) {
                batch.add(Subrequest.update("a" + id, "Order", id, Map.of("Status", "Approved")));
            }
            SalesforceClient.CompositeResponse answer = salesforce.composite(false, batch);
            if (!answer.successful()) {
                throw new IllegalStateException("the sandbox refused the approvals: " + answer);
            }
        }
    }

    /** The Order's fields as Salesforce holds them now. */
    public tools.jackson.databind.JsonNode order(String orderId) {
        return salesforce.getTree("Order", orderId, "Status", "Activation_Status__c", "Activation_Error__c", "WHMCS_Order_ID__c",
                "WHMCS_Service_IDs__c");
    }
}
