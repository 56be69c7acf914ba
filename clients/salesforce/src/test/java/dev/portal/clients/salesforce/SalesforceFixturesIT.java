package dev.portal.clients.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.platform.test.FixtureServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.portal.platform.test.FixtureServer.delayed;
import static dev.portal.platform.test.FixtureServer.html;
import static dev.portal.platform.test.FixtureServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against recorded Salesforce answers, including the bad ones. */
class SalesforceFixturesIT {

    private static final String TOKEN = "/services/oauth2/token";
    private static final String QUERY = "/services/data/v62.0/query";
    private static final String ACCOUNT = "/services/data/v62.0/sobjects/Account/001D000000IRFmaIAH";

    record Account(@JsonProperty("Id") String id, @JsonProperty("Name") String name, @JsonProperty("WH_Account__c") String whmcsClient) {
    }

    record Product(@JsonProperty("Name") String name, @JsonProperty("WH_Product_ID__c") int whmcsPid) {
    }

    private FixtureServer server;
    private SalesforceProperties properties;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        properties = TestClients.sandboxCredentials(server.baseUrl(), TestClients.FAST);
        server.on("POST", TOKEN, token("token.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SalesforceClient client() {
        return TestClients.client(properties, meters);
    }

    @Test
    void query_follows_next_records_url_with_the_bearer_token() {
        server.on("GET", QUERY, json(200, fixture("query-page-1.json")));
        server.on("GET", QUERY + "/01gD0000002HU6KIAW-2", json(200, fixture("query-page-2.json")));

        List<Account> accounts = client().query("SELECT Id, Name, WH_Account__c FROM Account", Account.class);

        assertThat(accounts).extracting(Account::name).containsExactly("Hanako Yamada", "Taro Suzuki", "Aiko Tanaka");
        assertThat(accounts.get(2).whmcsClient()).isNull();
        List<FixtureServer.Recorded> pages = restRequests();
        assertThat(pages).extracting(FixtureServer.Recorded::path).containsExactly(QUERY, QUERY + "/01gD0000002HU6KIAW-2");
        assertThat(pages.getFirst().query()).isEqualTo("q=SELECT%20Id,%20Name,%20WH_Account__c%20FROM%20Account");
        assertThat(pages).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer 00DSb0000000001!AQ4AQFixtureTokenOne"));
    }

    @Test
    void client_credentials_are_posted_as_a_form() {
        server.on("GET", ACCOUNT, json(200, fixture("account.json")));

        client().get("Account", "001D000000IRFmaIAH", Account.class);

        FixtureServer.Recorded login = server.requests().getFirst();
        assertThat(login.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(login.bodyText()).isEqualTo("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret");
    }

    @Test
    void invalid_session_is_renewed_once_and_the_request_repeated() {
        server.on("POST", TOKEN, token("token.json"), token("token-renewed.json"));
        server.on("GET", ACCOUNT, json(401, fixture("error-invalid-session.json")), json(200, fixture("account.json")));

        Account account = client().get("Account", "001D000000IRFmaIAH", Account.class);

        assertThat(account.name()).isEqualTo("Hanako Yamada");
        assertThat(tokenRequests()).hasSize(2);
        assertThat(restRequests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer 00DSb0000000001!AQ4AQFixtureTokenOne", "Bearer 00DSb0000000001!AQ4AQFixtureTokenTwo");
    }

    @Test
    void a_session_refused_after_renewal_is_an_authentication_exception() {
        server.on("GET", ACCOUNT, json(401, fixture("error-invalid-session.json")));

        assertThatThrownBy(() -> client().getTree("Account", "001D000000IRFmaIAH"))
                .isInstanceOfSatisfying(SalesforceAuthenticationException.class, e -> assertThat(e.error()).isEqualTo("INVALID_SESSION_ID"));
        assertThat(restRequests()).as("one repeat after one renewal").hasSize(2);
    }

    @Test
    void concurrent_renewals_of_the_same_session_make_one_token_request() throws Exception {
        server.on("POST", TOKEN, token("token.json"), delayed(Duration.ofMillis(300), token("token-renewed.json")));
        SalesforceAuth auth = new OAuthSalesforceAuth(properties, TestClients.http("salesforce-oauth", properties), Clock.systemUTC());
        SalesforceAuth.Session stale = auth.current();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SalesforceAuth.Session>> renewed = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                renewed.add(pool.submit(() -> {
                    start.await();
                    return auth.renew(stale);
                }));
            }
            start.countDown();
            for (Future<SalesforceAuth.Session> session : renewed) {
                assertThat(session.get().accessToken()).isEqualTo("00DSb0000000001!AQ4AQFixtureTokenTwo");
            }
        }
        assertThat(tokenRequests()).as("the first login and a single renewal").hasSize(2);
    }

    @Test
    void an_oauth_error_is_an_authentication_exception() {
        server.on("POST", TOKEN, json(400, fixture("oauth-invalid-grant.json")));

        assertThatThrownBy(() -> client().queryTrees("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(SalesforceAuthenticationException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.description()).isEqualTo("expired authorization code");
                });
    }

    @Test
    void error_arrays_keep_code_message_and_fields() {
        server.on("GET", QUERY, json(400, fixture("error-invalid-field.json")));
        server.on("POST", "/services/data/v62.0/sobjects/Account", json(400, fixture("error-required-field.json")));
        SalesforceClient client = client();

        assertThatThrownBy(() -> client.queryTrees("SELECT Nme FROM Account"))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                    assertThat(e.errors().getFirst().message()).contains("No such column 'Nme'");
                });
        assertThatThrownBy(() -> client.create("Account", Map.of("Phone", "0")))
                .isInstanceOfSatisfying(SalesforceApiException.class, e ->
                        assertThat(e.errors()).containsExactly(new SalesforceApiException.Error("REQUIRED_FIELD_MISSING",
                                "Required fields are missing: [Name]", List.of("Name"))));
    }

    @Test
    void an_html_page_is_a_response_exception() {
        server.on("GET", QUERY, html(200, fixture("maintenance.html")));

        assertThatThrownBy(() -> client().queryTrees("SELECT Id FROM Account"))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("HTML").hasMessageContaining("Maintenance");
    }

    @Test
    void an_html_refusal_is_a_response_exception() {
        server.on("GET", QUERY, html(403, fixture("maintenance.html")));

        assertThatThrownBy(() -> client().queryTrees("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(ExternalResponseException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void truncated_json_is_a_response_exception() {
        String page = fixture("query-page-2.json");
        server.on("GET", QUERY, json(200, page.substring(0, page.length() / 2)));

        assertThatThrownBy(() -> client().queryTrees("SELECT Id FROM Account"))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("unreadable JSON");
    }

    @Test
    void wrong_types_are_response_exceptions() {
        server.on("GET", QUERY, json(200, fixture("query-products-wrong-type.json")));
        assertThatThrownBy(() -> client().query("SELECT Name, WH_Product_ID__c FROM Product2", Product.class))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("Product");

        server.on("GET", QUERY, json(200, fixture("query-records-not-a-list.json")));
        assertThatThrownBy(() -> client().queryTrees("SELECT Name FROM Account"))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("records");
    }

    @Test
    void the_limit_header_is_published_as_gauges() {
        server.on("GET", ACCOUNT, json(200, fixture("account.json")).withHeader("Sforce-Limit-Info", "api-usage=18/5000; api-bursts=1/100"));
        SalesforceClient client = client();

        client.getTree("Account", "001D000000IRFmaIAH");

        assertThat(client.apiUsage()).hasValue(new SalesforceClient.ApiUsage(18, 5000));
        assertThat(meters.get("portal.clients.salesforce.api.requests").tag("kind", "used").gauge().value()).isEqualTo(18.0);
    }

    @Test
    void create_sends_only_non_null_fields_and_the_call_options() {
        properties = properties.withCallClient("portal-order-service");
        server.on("POST", "/services/data/v62.0/sobjects/Case", json(201, fixture("create-case.json")));
        record NewCase(@JsonProperty("Subject") String subject, @JsonProperty("Description") String description) {
        }

        String id = client().create("Case", new NewCase("No signal", null));

        assertThat(id).isEqualTo("500D000000Zo3UxIAJ");
        FixtureServer.Recorded create = restRequests().getFirst();
        assertThat(create.bodyText()).isEqualTo("{\"Subject\":\"No signal\"}");
        assertThat(create.header("Sforce-Call-Options")).isEqualTo("client=portal-order-service");
    }

    @Test
    void composite_answers_are_read_per_subrequest() {
        server.on("POST", "/services/data/v62.0/composite", json(200, fixture("composite.json")));

        SalesforceClient.CompositeResponse response = client().composite(false, List.of(
                SalesforceClient.Subrequest.create("refAcct", "Account", Map.of("Name", "Fixture Co")),
                SalesforceClient.Subrequest.create("refContact", "Contact", Map.of("Nickname", "x", "AccountId", "@{refAcct.id}"))));

        assertThat(response.byReference("refAcct").orElseThrow().httpHeaders()).containsKey("Location");
        assertThat(response.byReference("refContact").orElseThrow().errors()).extracting(SalesforceApiException.Error::errorCode)
                .containsExactly("INVALID_FIELD");
        JsonNode sent = tools.jackson.databind.json.JsonMapper.builder().build().readTree(restRequests().getFirst().bodyText());
        assertThat(sent.path("compositeRequest").get(1).path("url").asString()).isEqualTo("/services/data/v62.0/sobjects/Contact");
        assertThat(sent.path("allOrNone").asBoolean()).isFalse();
    }

    // ---- helpers ----

    private FixtureServer.Body token(String name) {
        return json(200, fixture(name).replace("{{instance}}", server.baseUrl().toString()));
    }

    private List<FixtureServer.Recorded> tokenRequests() {
        return server.requests().stream().filter(r -> r.path().equals(TOKEN)).toList();
    }

    private List<FixtureServer.Recorded> restRequests() {
        return server.requests().stream().filter(r -> !r.path().equals(TOKEN)).toList();
    }

    private static String fixture(String name) {
        try (InputStream in = SalesforceFixturesIT.class.getClassLoader().getResourceAsStream("fixtures/salesforce/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
