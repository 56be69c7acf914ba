package dev.portal.sandbox.salesforce.rest;

import dev.portal.sandbox.salesforce.SalesforceIds;
import dev.portal.sandbox.salesforce.oauth.SalesforceSessions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seeded org ({@code docs/sandbox.md}): six customer accounts with contacts, the product catalogue with the
 * standard and "Portal Catalog" price books, Hanako's activated SIM order, Taro's draft order and Hanako's two
 * cases (the open one with a public and an internal comment). Seeded ids are fixed ({@code <prefix>Sb00000000<nn>}), so tests and docs can name them.
 */
final class SalesforceSeed {

    static final String SEED_DATE = "2026-01-05T09:00:00.000+0000";

    private SalesforceSeed() {
    }

    /** The fixed 18-character id of seeded record {@code n} of the object with this key prefix. */
    static String id(String prefix, int n) {
        return SalesforceIds.to18(prefix + "Sb" + String.format("%010d", n));
    }

    static void load(SalesforceState data) {
        String[][] accounts = {
                // no, name, first, last, email, WH_Account__c, Portal_Status__c, registered, street, city, state, postal, phone
                {"SF-100001", "Hanako", "Yamada", "hanako.yamada@example.jp", "1", "Registered", "2026-01-06T10:15:00.000+0000", "1-2-3 Shibuya", "Shibuya-ku", "Tokyo", "150-0002", "03-1234-0001"},
                {"SF-100002", "Taro", "Suzuki", "taro.suzuki@example.jp", "2", "Registered", "2026-01-07T11:00:00.000+0000", "4-5-6 Umeda", "Osaka-shi Kita-ku", "Osaka", "530-0001", "06-1234-0002"},
                {"SF-100003", "Aiko", "Tanaka", "aiko.tanaka@example.jp", null, "Not Registered", null, "7-8-9 Sakae", "Nagoya-shi Naka-ku", "Aichi", "460-0008", "052-123-0003"},
                {"SF-100004", "Ken", "Sato", "ken.sato@example.jp", "4", "Closed", "2025-06-01T09:00:00.000+0000", "1-1 Tenjin", "Fukuoka-shi Chuo-ku", "Fukuoka", "810-0001", "092-123-0004"},
                {"SF-100005", "Jiro", "Kobayashi", "jiro.kobayashi@example.jp", null, "Not Registered", null, "2-2 Odori", "Sapporo-shi Chuo-ku", "Hokkaido", "060-0042", "011-123-0005"},
                {"SF-100006", "Mika", "Ito", "mika.ito@example.jp", null, "Not Registered", null, "3-3 Kawaramachi", "Kyoto-shi Shimogyo-ku", "Kyoto", "600-8001", "075-123-0006"},
        };
        for (int i = 0; i < accounts.length; i++) {
            String[] a = accounts[i];
            data.seed("Account", fields("Id", id("001", i + 1), "Name", a[1] + " " + a[2], "SF_Account_No__c", a[0],
                    "WH_Account__c", a[4], "Portal_Status__c", a[5], "Portal_Registered_At__c", a[6],
                    "BillingStreet", a[7], "BillingCity", a[8], "BillingState", a[9], "BillingPostalCode", a[10],
                    "BillingCountry", "Japan", "Phone", a[11]));
            data.seed("Contact", fields("Id", id("003", i + 1), "AccountId", id("001", i + 1), "FirstName", a[1],
                    "LastName", a[2], "Email", a[3]));
        }

        Object[][] products = {
                // pid, name, code, category, visible, family plan, price
                {1, "Hikari FTTH 1G", "FTTH-1G", "Internet", true, false, 5280},
                {2, "Hikari FTTH 10G", "FTTH-10G", "Internet", true, false, 6380},
                {10, "SIM Data 3GB", "SIM-DATA-3GB", "SIM", true, false, 990},
                {11, "SIM Data+Voice 10GB", "SIM-VOICE-10GB", "SIM", true, false, 1980},
                {12, "SIM Data+Voice 20GB", "SIM-VOICE-20GB", "SIM", true, false, 2980},
                {13, "SIM Family Data+Voice 5GB", "SIM-FAMILY-5GB", "SIM", true, true, 780},
                {20, "Secure VPN", "VPN", "VPN", true, false, 550},
                {30, "Legacy ADSL 50M", "ADSL-50M", "Internet", false, false, 3000},
        };
        data.seed("Pricebook2", fields("Id", id("01s", 1), "Name", "Standard Price Book", "IsActive", true, "IsStandard", true));
        data.seed("Pricebook2", fields("Id", id("01s", 2), "Name", "Portal Catalog", "IsActive", true, "IsStandard", false));
        for (int i = 0; i < products.length; i++) {
            Object[] p = products[i];
            String productId = id("01t", i + 1);
            data.seed("Product2", fields("Id", productId, "Name", p[1], "ProductCode", p[2], "IsActive", true, "Family", p[3],
                    "WH_Product_ID__c", ((Integer) p[0]).doubleValue(), "Portal_Category__c", p[3], "Portal_Visible__c", p[4],
                    "Family_Plan__c", p[5]));
            double price = ((Integer) p[6]).doubleValue();
            data.seed("PricebookEntry", fields("Id", id("01u", i + 1), "Pricebook2Id", id("01s", 1), "Product2Id", productId,
                    "UnitPrice", price, "IsActive", true, "CurrencyIsoCode", "JPY"));
            data.seed("PricebookEntry", fields("Id", id("01u", 101 + i), "Pricebook2Id", id("01s", 2), "Product2Id", productId,
                    "UnitPrice", price, "IsActive", true, "CurrencyIsoCode", "JPY"));
        }

        // Hanako: her SIM Data+Voice 10GB order, activated (WHMCS order 1)
        data.seed("Order", fields("Id", id("801", 1), "AccountId", id("001", 1), "Pricebook2Id", id("01s", 2), "Status", "Activated",
                "EffectiveDate", "2026-01-06", "Activation_Status__c", "Activated", "WHMCS_Order_ID__c", "1", "Order_Type__c", "SIM",
                "SIM_Type__c", "Physical", "MSISDN__c", "09012345678"));
        data.seed("OrderItem", fields("Id", id("802", 1), "OrderId", id("801", 1), "Product2Id", id("01t", 4),
                "PricebookEntryId", id("01u", 104), "Quantity", 1.0, "UnitPrice", 1980.0));
        // Taro: a draft Hikari FTTH 1G order, ready for approval and activation
        data.seed("Order", fields("Id", id("801", 2), "AccountId", id("001", 2), "Pricebook2Id", id("01s", 2), "Status", "Draft",
                "EffectiveDate", "2026-01-08", "Activation_Status__c", "Not Started", "Order_Type__c", "Internet"));
        data.seed("OrderItem", fields("Id", id("802", 2), "OrderId", id("801", 2), "Product2Id", id("01t", 1),
                "PricebookEntryId", id("01u", 101), "Quantity", 1.0, "UnitPrice", 5280.0));

        data.seed("Case", fields("Id", id("500", 1), "AccountId", id("001", 1), "Subject", "Router keeps disconnecting",
                "Description", "The FTTH connection drops every evening.", "Status", "New", "Origin", "Web", "Priority", "Medium"));
        data.seed("Case", fields("Id", id("500", 2), "AccountId", id("001", 1), "Subject", "Change of billing address",
                "Description", "Please update my billing address.", "Status", "Closed", "Origin", "Phone", "Priority", "Low"));
        // on the open case: an agent's answer the customer sees, and an internal note the customer must never see
        data.seed("CaseComment", fields("Id", id("00a", 1), "ParentId", id("500", 1), "IsPublished", true,
                "CommentBody", "We are checking the line from our side; please restart the router once tonight."));
        data.seed("CaseComment", fields("Id", id("00a", 2), "ParentId", id("500", 1), "IsPublished", false,
                "CommentBody", "Internal: line test scheduled with the carrier, do not share the ticket number."));
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        map.put("CreatedDate", SEED_DATE);
        map.put("CreatedById", SalesforceSessions.USER_ID);
        map.put("LastModifiedDate", SEED_DATE);
        map.put("LastModifiedById", SalesforceSessions.USER_ID);
        map.put("SystemModstamp", SEED_DATE);
        return map;
    }
}
