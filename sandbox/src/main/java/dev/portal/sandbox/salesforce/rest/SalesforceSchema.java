package dev.portal.sandbox.salesforce.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The simulated org's objects and fields: types, key prefixes, required, read-only and external-id fields. */
final class SalesforceSchema {

    enum Type { ID, STRING, DOUBLE, CURRENCY, BOOLEAN, DATE, DATETIME, REFERENCE, PICKLIST, AUTONUMBER }

    /**
     * One field.
     *
     * @param references for REFERENCE fields, the parent object; its relationship name is the field name less "Id"
     */
    record Field(String name, Type type, boolean required, boolean updatable, boolean externalId, String references,
                 List<String> picklist) {

        String relationshipName() {
            return references == null ? null : name.substring(0, name.length() - 2);
        }

        boolean numeric() {
            return type == Type.DOUBLE || type == Type.CURRENCY;
        }
    }

    record SObject(String name, String prefix, Map<String, Field> fields, String autoNumberField, String autoNumberFormat) {

        Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The reference field whose relationship name is {@code relationship} (case-insensitive). */
        Optional<Field> relationship(String relationship) {
            return fields.values().stream().filter(f -> f.references() != null && f.relationshipName().equalsIgnoreCase(relationship)).findFirst();
        }

        List<String> fieldNames() {
            return fields.values().stream().map(Field::name).toList();
        }

        List<String> required() {
            return fields.values().stream().filter(Field::required).map(Field::name).toList();
        }
    }

    static final List<String> SYSTEM_FIELDS = List.of("Id", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp");

    private static final Map<String, SObject> OBJECTS = new LinkedHashMap<>();

    static {
        define("Account", "001", null, null,
                req("Name", Type.STRING), ext("SF_Account_No__c"), ext("WH_Account__c"), field("Portal_Status__c", Type.STRING),
                field("Portal_Registered_At__c", Type.DATETIME), field("BillingStreet", Type.STRING), field("BillingCity", Type.STRING),
                field("BillingState", Type.STRING), field("BillingPostalCode", Type.STRING), field("BillingCountry", Type.STRING),
                field("Phone", Type.STRING));
        define("Contact", "003", null, null,
                ref("AccountId", "Account", false), field("FirstName", Type.STRING), req("LastName", Type.STRING), field("Email", Type.STRING),
                readOnly("Name", Type.STRING));
        define("Product2", "01t", null, null,
                req("Name", Type.STRING), field("ProductCode", Type.STRING), bool("IsActive"), field("Family", Type.STRING),
                new Field("WH_Product_ID__c", Type.DOUBLE, false, true, true, null, List.of()),
                pick("Portal_Category__c", false, "Internet", "SIM", "VPN"), bool("Portal_Visible__c"), bool("Family_Plan__c"));
        define("Pricebook2", "01s", null, null, req("Name", Type.STRING), bool("IsActive"), readOnly("IsStandard", Type.BOOLEAN));
        define("PricebookEntry", "01u", null, null,
                ref("Pricebook2Id", "Pricebook2", true), ref("Product2Id", "Product2", true), req("UnitPrice", Type.CURRENCY),
                bool("IsActive"), field("CurrencyIsoCode", Type.STRING));
        define("Order", "801", "OrderNumber", "%08d",
                ref("AccountId", "Account", true), ref("Pricebook2Id", "Pricebook2", false),
                pick("Status", true, "Draft", "Pending Review", "Approved", "Activated"), req("EffectiveDate", Type.DATE),
                pick("Activation_Status__c", false, "Not Started", "Activating", "Activated", "Failed"),
                field("Activation_Error__c", Type.STRING), ext("WHMCS_Order_ID__c"), field("WHMCS_Service_IDs__c", Type.STRING),
                field("Order_Type__c", Type.STRING),
                field("SIM_Type__c", Type.STRING), field("EID__c", Type.STRING), field("MSISDN__c", Type.STRING),
                readOnly("OrderNumber", Type.AUTONUMBER),
                // standard Order fields the portal's checkout writes: its reference, the customer's note, the address snapshot
                field("OrderReferenceNumber", Type.STRING), field("Description", Type.STRING), field("BillingStreet", Type.STRING),
                field("BillingCity", Type.STRING), field("BillingState", Type.STRING), field("BillingPostalCode", Type.STRING),
                field("BillingCountry", Type.STRING));
        define("OrderItem", "802", null, null,
                ref("OrderId", "Order", true), ref("Product2Id", "Product2", false), ref("PricebookEntryId", "PricebookEntry", true),
                req("Quantity", Type.DOUBLE), req("UnitPrice", Type.CURRENCY));
        define("Case", "500", "CaseNumber", "%08d",
                ref("AccountId", "Account", false), ref("ContactId", "Contact", false), field("Subject", Type.STRING),
                field("Description", Type.STRING), pick("Status", false, "New", "Working", "Closed"), field("Origin", Type.STRING),
                field("Priority", Type.STRING), field("Type", Type.STRING), readOnly("CaseNumber", Type.AUTONUMBER),
                readOnly("IsClosed", Type.BOOLEAN), readOnly("ClosedDate", Type.DATETIME));
        // IsPublished: whether the customer may see the comment (Salesforce's "Public"); internal notes are false
        define("CaseComment", "00a", null, null,
                ref("ParentId", "Case", true), field("CommentBody", Type.STRING), bool("IsPublished"));
    }

    private SalesforceSchema() {
    }

    static Optional<SObject> object(String name) {
        return OBJECTS.values().stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
    }

    static Optional<SObject> ofId(String id) {
        return id == null || id.length() < 3 ? Optional.empty()
                : OBJECTS.values().stream().filter(o -> id.startsWith(o.prefix())).findFirst();
    }

    static List<SObject> all() {
        return List.copyOf(OBJECTS.values());
    }

    private static void define(String name, String prefix, String autoField, String autoFormat, Field... own) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Id", Type.ID, false, false, true, null, List.of()));
        fields.addAll(List.of(own));
        fields.add(readOnly("CreatedDate", Type.DATETIME));
        fields.add(new Field("CreatedById", Type.REFERENCE, false, false, false, "User", List.of()));
        fields.add(readOnly("LastModifiedDate", Type.DATETIME));
        fields.add(new Field("LastModifiedById", Type.REFERENCE, false, false, false, "User", List.of()));
        fields.add(readOnly("SystemModstamp", Type.DATETIME));
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name().toLowerCase(Locale.ROOT), f));
        OBJECTS.put(name, new SObject(name, prefix, byName, autoField, autoFormat));
    }

    private static Field field(String name, Type type) {
        return new Field(name, type, false, true, false, null, List.of());
    }

    private static Field req(String name, Type type) {
        return new Field(name, type, true, true, false, null, List.of());
    }

    private static Field ext(String name) {
        return new Field(name, Type.STRING, false, true, true, null, List.of());
    }

    private static Field bool(String name) {
        return new Field(name, Type.BOOLEAN, false, true, false, null, List.of());
    }

    private static Field readOnly(String name, Type type) {
        return new Field(name, type, false, false, false, null, List.of());
    }

    private static Field ref(String name, String target, boolean required) {
        return new Field(name, Type.REFERENCE, required, true, false, target, List.of());
    }

    private static Field pick(String name, boolean required, String... values) {
        return new Field(name, Type.PICKLIST, required, true, false, null, List.of(values));
    }
}
