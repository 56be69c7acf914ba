package dev.portal.clients.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.portal.sandbox.EmbeddedSandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the in-process sandbox: real OAuth, SOQL paging, sObject writes, composite, session expiry. */
class SalesforceClientIT {

    record Account(@JsonProperty("Id") String id, @JsonProperty("Name") String name,
                   @JsonProperty("SF_Account_No__c") String accountNo, @JsonProperty("WH_Account__c") String whmcsClient) {
    }

    record Product(@JsonProperty("Name") String name, @JsonProperty("WH_Product_ID__c") int whmcsPid,
                   @JsonProperty("Portal_Visible__c") boolean visible) {
    }

    record Contact(@JsonProperty("LastName") String lastName) {
    }

    private final EmbeddedSandbox sandbox = EmbeddedSandbox.get();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private SalesforceClient client;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        sandbox.clearFaults();
        client = TestClients.client(TestClients.sandboxCredentials(base(), TestClients.FAST), meters);
    }

    private URI base() {
        return URI.create(sandbox.baseUrl() + "/salesforce");
    }

    @Test
    void query_binds_seeded_records_to_typed_records() {
        List<Account> accounts = client.query("SELECT Id, Name, SF_Account_No__c, WH_Account__c FROM Account ORDER BY SF_Account_No__c", Account.class);

        assertThat(accounts).extracting(Account::accountNo).containsExactly("SF-100001", "SF-100002", "SF-100003", "SF-100004", "SF-100005", "SF-100006");
        assertThat(accounts.getFirst().name()).isEqualTo("Hanako Yamada");
        assertThat(accounts.getFirst().whmcsClient()).isEqualTo("1");
        assertThat(accounts.getFirst().id()).hasSize(18).startsWith("001");
        List<Product> visible = client.query("SELECT Name, WH_Product_ID__c, Portal_Visible__c FROM Product2 WHERE Portal_Visible__c = true ORDER BY WH_Product_ID__c", Product.class);
        assertThat(visible).extracting(Product::whmcsPid).containsExactly(1, 2, 10, 11, 12, 13, 20);
    }

    @Test
    void query_follows_next_records_url_until_done() {
        SalesforceClient paging = TestClients.client(TestClients.sandboxCredentials(base(), TestClients.FAST).withQueryBatchSize(200), meters);
        for (int i = 0; i < 9; i++) {
            List<SalesforceClient.Subrequest> batch = new ArrayList<>();
            for (int j = 0; j < 25; j++) {
                batch.add(SalesforceClient.Subrequest.create("c" + j, "Contact", Map.of("LastName", "Bulk-" + i + "-" + j)));
            }
            assertThat(paging.composite(true, batch).successful()).isTrue();
        }

        List<Contact> contacts = paging.query("SELECT LastName FROM Contact WHERE LastName LIKE 'Bulk-%'", Contact.class);

        assertThat(contacts).as("225 records over two pages of 200").hasSize(225);
        assertThat(contacts).extracting(Contact::lastName).doesNotHaveDuplicates();
    }

    @Test
    void count_reads_the_total_size() {
        assertThat(client.count("SELECT COUNT() FROM Case WHERE IsClosed = false")).isEqualTo(1);
    }

    @Test
    void query_trees_keep_parent_records() {
        List<JsonNode> orders = client.queryTrees("SELECT OrderNumber, Status, Account.Name FROM Order WHERE Status = 'Draft'");

        assertThat(orders).hasSize(1);
        assertThat(orders.getFirst().path("Account").path("Name").asString()).isEqualTo("Taro Suzuki");
    }

    @Test
    void a_record_is_created_read_updated_and_deleted() {
        String accountId = client.query("SELECT Id, Name, SF_Account_No__c, WH_Account__c FROM Account WHERE SF_Account_No__c = 'SF-100001'", Account.class).getFirst().id();
        Map<String, Object> fields = new HashMap<>();
        fields.put("AccountId", accountId);
        fields.put("Subject", "SIM not activating");
        fields.put("Origin", "Portal");

        String id = client.create("Case", fields);
        assertThat(id).hasSize(18).startsWith("500");
        assertThat(client.getTree("Case", id).path("Status").asString()).isEqualTo("New");

        client.update("Case", id, Map.of("Status", "Closed"));
        assertThat(client.getTree("Case", id, "IsClosed").path("IsClosed").asBoolean()).isTrue();

        client.delete("Case", id);
        assertThat(client.find("Case", id, JsonNode.class)).isEmpty();
    }

    @Test
    void upsert_reports_created_updated_and_ambiguous_matches() {
        SalesforceClient.UpsertResult created = client.upsert("Account", "SF_Account_No__c", "SF-300001", Map.of("Name", "Sora Abe"));
        assertThat(created.created()).isTrue();
        assertThat(created.id()).startsWith("001");

        SalesforceClient.UpsertResult updated = client.upsert("Account", "SF_Account_No__c", "SF-300001", Map.of("Phone", "03-1111-2222"));
        assertThat(updated.created()).isFalse();

        client.create("Account", Map.of("Name", "Twin A", "WH_Account__c", "77"));
        client.create("Account", Map.of("Name", "Twin B", "WH_Account__c", "77"));
        assertThatThrownBy(() -> client.upsert("Account", "WH_Account__c", "77", Map.of("Phone", "1")))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(300);
                    assertThat(e.errorCode()).isEqualTo("MULTIPLE_RECORDS");
                });
    }

    @Test
    void composite_links_subrequests_by_reference() {
        SalesforceClient.CompositeResponse response = client.composite(true, List.of(
                SalesforceClient.Subrequest.create("acct", "Account", Map.of("Name", "Composite Client Co")),
                SalesforceClient.Subrequest.create("contact", "Contact", Map.of("LastName", "Ueda", "AccountId", "@{acct.id}")),
                SalesforceClient.Subrequest.query("check", "SELECT Account.Name FROM Contact WHERE LastName = 'Ueda'")));

        assertThat(response.successful()).isTrue();
        assertThat(response.byReference("check").orElseThrow().body().path("records").get(0).path("Account").path("Name").asString())
                .isEqualTo("Composite Client Co");
    }

    @Test
    void a_failed_all_or_none_composite_reports_the_error_arrays() {
        SalesforceClient.CompositeResponse response = client.composite(true, List.of(
                SalesforceClient.Subrequest.create("acct", "Account", Map.of("Name", "Never Stored")),
                SalesforceClient.Subrequest.create("contact", "Contact", Map.of("FirstName", "No last name"))));

        assertThat(response.successful()).isFalse();
        assertThat(response.byReference("acct").orElseThrow().errors()).extracting(SalesforceApiException.Error::errorCode).containsExactly("PROCESSING_HALTED");
        assertThat(response.byReference("contact").orElseThrow().errors().getFirst().fields()).containsExactly("LastName");
        assertThat(client.query("SELECT Id FROM Account WHERE Name = 'Never Stored'", JsonNode.class)).isEmpty();
    }

    @Test
    void or_throw_names_the_subrequest_that_failed_for_a_reason_of_its_own() {
        SalesforceClient.CompositeResponse response = client.composite(true, List.of(
                SalesforceClient.Subrequest.create("acct", "Account", Map.of("Name", "Never Stored")),
                SalesforceClient.Subrequest.create("contact", "Contact", Map.of("FirstName", "No last name"))));

        assertThatThrownBy(response::orThrow).isInstanceOfSatisfying(SalesforceApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(e.operation()).isEqualTo("composite");
        });
        SalesforceClient.CompositeResponse fine = client.composite(true, List.of(
                SalesforceClient.Subrequest.create("acct", "Account", Map.of("Name", "Stored"))));
        assertThat(fine.orThrow()).isSameAs(fine);
    }

    @Test
    void salesforce_error_arrays_become_typed_exceptions() {
        assertThatThrownBy(() -> client.queryTrees("SELECT Name FROM Account WHERE"))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
                });
        assertThatThrownBy(() -> client.create("Account", Map.of("Phone", "0")))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
                    assertThat(e.errors().getFirst().fields()).containsExactly("Name");
                });
        assertThatThrownBy(() -> client.getTree("Account", "001Sb0000099999AAA"))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> assertThat(e.errorCode()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void an_expired_session_is_renewed_transparently() {
        client.queryTrees("SELECT Id FROM Account LIMIT 1");
        SalesforceAuth.Session before = client.auth().current();

        sandbox.admin("POST", "/sandbox/admin/salesforce/sessions/expire", null);

        assertThat(client.queryTrees("SELECT Id FROM Account")).hasSize(6);
        assertThat(client.auth().current().accessToken()).isNotEqualTo(before.accessToken());
    }

    @Test
    void jwt_bearer_logs_in_with_the_app_key() {
        SalesforceProperties jwt = SalesforceProperties.jwtBearer(base(), "sandbox-client", "integration@portal.sandbox",
                "classpath:sandbox/salesforce/jwt-sandbox-private.pem", "https://login.salesforce.com", TestClients.FAST);

        assertThat(TestClients.client(jwt, meters).queryTrees("SELECT Id FROM Account")).hasSize(6);
    }

    @Test
    void refused_credentials_are_an_authentication_exception() {
        SalesforceClient wrong = TestClients.client(SalesforceProperties.clientCredentials(base(), "sandbox-client", "wrong", TestClients.FAST), meters);

        assertThatThrownBy(() -> wrong.queryTrees("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(SalesforceAuthenticationException.class, e -> assertThat(e.error()).isEqualTo("invalid_client"));
    }

    @Test
    void the_limit_header_is_kept_and_the_daily_limit_is_a_typed_refusal() {
        client.queryTrees("SELECT Id FROM Account");
        assertThat(client.apiUsage()).hasValueSatisfying(usage -> assertThat(usage.limit()).isEqualTo(15000));
        assertThat(meters.get("portal.clients.salesforce.api.requests").tag("kind", "limit").gauge().value()).isEqualTo(15000.0);

        sandbox.admin("PUT", "/sandbox/admin/salesforce/api-usage", "{\"used\":15000}");

        assertThatThrownBy(() -> client.queryTrees("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
                });
        assertThat(client.apiUsage()).hasValue(new SalesforceClient.ApiUsage(15000, 15000));
    }
}
