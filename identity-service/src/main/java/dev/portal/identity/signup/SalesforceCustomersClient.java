package dev.portal.identity.signup;

import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.Soql;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@link SalesforceCustomers} on the Salesforce client: the Account's field names stay here. */
@Component
class SalesforceCustomersClient implements SalesforceCustomers {

    static final String REGISTERED = "Registered";

    private final SalesforceClient salesforce;

    SalesforceCustomersClient(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    /** The number is validated to [A-Za-z0-9-] by the request; checked again here, as it goes into a query. */
    @Override
    public Optional<Account> byCustomerNumber(String customerNumber) {
        if (!customerNumber.matches("[A-Za-z0-9-]{1,40}")) {
            return Optional.empty();
        }
        return salesforce.queryTrees("SELECT Id, WH_Account__c FROM Account WHERE SF_Account_No__c = '" + customerNumber + "' LIMIT 1")
                .stream().findFirst()
                .map(record -> new Account(record.path("Id").asString(), text(record.path("WH_Account__c"))));
    }

    @Override
    public List<String> contactEmails(String accountId) {
        String soql = Soql.of("SELECT Email FROM Contact WHERE AccountId = :account AND Email != null ORDER BY CreatedDate LIMIT 10")
                .bind("account", accountId).text();
        return salesforce.queryTrees(soql).stream().map(record -> text(record.path("Email"))).flatMap(Optional::stream)
                .map(String::trim).toList();
    }

    @Override
    public void markRegistered(String accountId, int whmcsClientId, Instant registeredAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("WH_Account__c", String.valueOf(whmcsClientId));
        fields.put("Portal_Status__c", REGISTERED);
        fields.put("Portal_Registered_At__c", registeredAt.truncatedTo(ChronoUnit.MILLIS).toString());
        salesforce.update("Account", accountId, fields);
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asString("").isBlank()
                ? Optional.empty() : Optional.of(node.asString());
    }
}
