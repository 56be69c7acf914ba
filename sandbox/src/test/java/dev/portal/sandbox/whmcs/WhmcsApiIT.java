package dev.portal.sandbox.whmcs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WHMCS External API, called the way the WHMCS developer docs show it (form fields built like PHP's
 * {@code http_build_query}, {@code identifier}/{@code secret}, {@code responsetype=json}), answers in WHMCS's
 * shapes: field names, list wrapping, strings where WHMCS sends strings and numbers where it sends numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhmcsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void reset() throws Exception {
        send(HttpRequest.newBuilder(url("/sandbox/admin/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    // ---- transport and authentication

    @Test
    void wrongCredentialsAreAuthenticationFailedWith403() throws Exception {
        HttpResponse<String> response = post(Map.of("action", "GetClientsDetails", "identifier", "sandbox-identifier",
                "secret", "wrong", "clientid", "1", "responsetype", "json"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"result\":\"error\",\"message\":\"Authentication Failed\"}"));
    }

    @Test
    void credentialsAreAlsoAcceptedAsUsernameAndPassword() throws Exception {
        JsonNode body = json(post(Map.of("action", "GetClientsDetails", "username", "sandbox-identifier",
                "password", "sandbox-secret", "clientid", "1", "responsetype", "json")));

        assertThat(body.get("result").asString()).isEqualTo("success");
    }

    @Test
    void unknownActionIsCommandNotFound() throws Exception {
        JsonNode body = call("GetSomethingElse", Map.of());

        assertThat(body).isEqualTo(JSON.readTree("{\"result\":\"error\",\"message\":\"Command Not Found\"}"));
    }

    @Test
    void onlyJsonResponsesAreServed() throws Exception {
        Map<String, String> form = auth("GetClientsDetails");
        form.put("clientid", "1");
        form.put("responsetype", "xml");

        JsonNode body = json(post(form));

        assertThat(body.get("result").asString()).isEqualTo("error");
        assertThat(body.get("message").asString()).contains("json");
    }

    @Test
    void multipartFormsAreReadLikeUrlencodedOnes() throws Exception {
        String boundary = "----sandbox" + System.nanoTime();
        StringBuilder multipart = new StringBuilder();
        Map<String, String> form = auth("GetClientsDetails");
        form.put("clientid", "3");
        form.forEach((name, value) -> multipart.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        multipart.append("--").append(boundary).append("--\r\n");

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/whmcs/includes/api.php"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart.toString())));

        assertThat(json(response).at("/client/email").asString()).isEqualTo("aiko.tanaka@example.jp");
    }

    // ---- clients

    @Test
    void getClientsDetailsReturnsTheClientNestedAndAtTopLevelWithStats() throws Exception {
        JsonNode body = call("GetClientsDetails", Map.of("clientid", "1", "stats", "true"));

        JsonNode client = body.get("client");
        assertThat(client.get("id").asLong()).isEqualTo(1);
        assertThat(client.get("fullname").asString()).isEqualTo("Hanako Yamada");
        assertThat(client.get("email").asString()).isEqualTo("hanako.yamada@example.jp");
        assertThat(client.get("countrycode").asString()).isEqualTo("JP");
        assertThat(client.get("status").asString()).isEqualTo("Active");
        assertThat(client.get("credit").isString()).as("money is a decimal string").isTrue();
        assertThat(client.at("/users/user/0/is_owner").asBoolean()).isTrue();
        assertThat(body.get("email").asString()).as("deprecated top-level copy").isEqualTo("hanako.yamada@example.jp");
        assertThat(body.at("/stats/numunpaidinvoices").asString()).isEqualTo("1");
        assertThat(body.at("/stats/numpaidinvoices").asString()).isEqualTo("2");
        assertThat(body.at("/stats/unpaidinvoicesamount").asString()).isEqualTo("¥7260.00 JPY");
    }

    @Test
    void getClientsDetailsFindsByEmailAndReportsDocumentedErrors() throws Exception {
        assertThat(call("GetClientsDetails", Map.of("email", "ken.sato@example.jp")).at("/client/status").asString()).isEqualTo("Closed");
        assertThat(message(call("GetClientsDetails", Map.of("clientid", "999")))).isEqualTo("Client Not Found");
        assertThat(message(call("GetClientsDetails", Map.of()))).isEqualTo("Either clientid Or email Is Required");
    }

    @Test
    void addClientContinuesAfterTheSeedAndAnswersTheIdAsAString() throws Exception {
        JsonNode body = call("AddClient", newClient("jiro.kobayashi@example.jp"));

        assertThat(body.get("result").asString()).isEqualTo("success");
        assertThat(body.get("clientid").isString()).isTrue();
        assertThat(body.get("clientid").asString()).isEqualTo("6");
        assertThat(call("GetClientsDetails", Map.of("clientid", "6")).at("/client/fullname").asString()).isEqualTo("Jiro Kobayashi");
    }

    @Test
    void addClientRefusesDuplicateEmailsBadCountriesAndMissingFields() throws Exception {
        assertThat(message(call("AddClient", newClient("mika.ito@example.jp")))).isEqualTo("A user already exists with that email address");

        Map<String, String> badCountry = newClient("new@example.jp");
        badCountry.put("country", "Japan");
        assertThat(message(call("AddClient", badCountry))).isEqualTo("Valid country required");

        Map<String, String> noEmail = newClient("x@example.jp");
        noEmail.remove("email");
        assertThat(message(call("AddClient", noEmail))).isEqualTo("You did not enter your email address");
    }

    @Test
    void updateClientChangesFieldsAndRefusesDuplicateEmails() throws Exception {
        JsonNode updated = call("UpdateClient", Map.of("clientid", "2", "phonenumber", "080-0000-0000", "email_preferences[invoice]", "0"));
        assertThat(updated.get("clientid").asString()).isEqualTo("2");
        JsonNode client = call("GetClientsDetails", Map.of("clientid", "2")).get("client");
        assertThat(client.get("phonenumber").asString()).isEqualTo("080-0000-0000");
        assertThat(client.at("/email_preferences/invoice").asBoolean()).isFalse();

        assertThat(message(call("UpdateClient", Map.of("clientid", "2", "email", "hanako.yamada@example.jp")))).isEqualTo("Duplicate Email Address");
        assertThat(message(call("UpdateClient", Map.of("clientid", "77", "city", "Kyoto")))).isEqualTo("Client ID Not Found");
    }

    @Test
    void validateLoginChecksTheSeededPassword() throws Exception {
        JsonNode ok = call("ValidateLogin", Map.of("email", "aiko.tanaka@example.jp", "password2", "Sandbox-Pass-1"));
        assertThat(ok.get("userid").asString()).isEqualTo("3");
        assertThat(ok.get("passwordhash").isString()).isTrue();
        assertThat(ok.get("twoFactorEnabled").isString()).isTrue();

        assertThat(message(call("ValidateLogin", Map.of("email", "aiko.tanaka@example.jp", "password2", "nope"))))
                .isEqualTo("Email or Password Invalid");
    }

    // ---- services, products

    @Test
    void getClientsProductsWrapsServicesWithStringIdsAndSimCustomFields() throws Exception {
        JsonNode body = call("GetClientsProducts", Map.of("clientid", "1"));

        assertThat(body.get("clientid").asString()).isEqualTo("1");
        assertThat(body.get("totalresults").isString()).as("totalresults is a string here").isTrue();
        assertThat(body.get("startnumber").isNumber()).as("startnumber is a number").isTrue();
        JsonNode products = body.at("/products/product");
        assertThat(products.size()).isEqualTo(2);
        JsonNode sim = products.get(1);
        assertThat(sim.get("id").asString()).isEqualTo("2");
        assertThat(sim.get("pid").asString()).isEqualTo("11");
        assertThat(sim.get("domain").asString()).isEqualTo("09012345678");
        assertThat(sim.get("billingcycle").asString()).isEqualTo("Monthly");
        assertThat(sim.get("recurringamount").asString()).isEqualTo("1980.00");
        assertThat(sim.get("status").asString()).isEqualTo("Active");
        assertThat(sim.get("overidesuspenduntil").asString()).isEqualTo("0000-00-00");
        assertThat(sim.at("/customfields/customfield/0/name").asString()).isEqualTo("MSISDN");
        assertThat(sim.at("/customfields/customfield/0/value").asString()).isEqualTo("09012345678");
    }

    @Test
    void getClientsProductsWithNothingMatchingAnswersAnEmptyValue() throws Exception {
        JsonNode body = call("GetClientsProducts", Map.of("clientid", "2"));

        assertThat(body.get("totalresults").asString()).isEqualTo("0");
        assertThat(body.get("products").asString()).isEmpty();
    }

    @Test
    void getProductsListsThePriceTableWithCyclesNotOfferedAsMinusOne() throws Exception {
        JsonNode body = call("GetProducts", Map.of("pid", "1,13"));

        assertThat(body.get("totalresults").asInt()).isEqualTo(2);
        JsonNode family = body.at("/products/product/1");
        assertThat(family.get("pid").asLong()).isEqualTo(13);
        assertThat(family.get("name").asString()).isEqualTo("SIM Family Data+Voice 5GB");
        assertThat(family.at("/pricing/JPY/monthly").asString()).isEqualTo("780.00");
        assertThat(family.at("/pricing/JPY/annually").asString()).isEqualTo("-1.00");
        assertThat(call("GetProducts", Map.of()).get("totalresults").asInt()).isEqualTo(8);
    }

    // ---- invoices, pay methods

    @Test
    void getInvoicesUsesNumericIdsAndFiltersTheVirtualOverdueStatus() throws Exception {
        JsonNode overdue = call("GetInvoices", Map.of("status", "Overdue"));

        assertThat(overdue.get("totalresults").isNumber()).isTrue();
        assertThat(overdue.get("totalresults").asInt()).isEqualTo(1);
        JsonNode invoice = overdue.at("/invoices/invoice/0");
        assertThat(invoice.get("id").isNumber()).isTrue();
        assertThat(invoice.get("userid").asLong()).isEqualTo(3);
        assertThat(invoice.get("status").asString()).isEqualTo("Unpaid");
        assertThat(invoice.get("total").asString()).isEqualTo("3970.00");
        assertThat(invoice.get("datepaid").asString()).isEqualTo("0000-00-00 00:00:00");
        assertThat(LocalDate.parse(invoice.get("duedate").asString())).isBefore(LocalDate.now(ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void getInvoicesPagesAndOrders() throws Exception {
        JsonNode page = call("GetInvoices", Map.of("userid", "1", "limitstart", "1", "limitnum", "1", "orderby", "id", "order", "desc"));

        assertThat(page.get("totalresults").asInt()).isEqualTo(3);
        assertThat(page.get("startnumber").asInt()).isEqualTo(1);
        assertThat(page.get("numreturned").asInt()).isEqualTo(1);
        assertThat(page.at("/invoices/invoice/0/id").asLong()).isEqualTo(2);
    }

    @Test
    void getInvoiceOfAnUnpaidInvoiceHasItemsAndAnEmptyTransactionsString() throws Exception {
        JsonNode body = call("GetInvoice", Map.of("invoiceid", "3"));

        assertThat(body.get("invoiceid").asLong()).isEqualTo(3);
        assertThat(body.get("status").asString()).isEqualTo("Unpaid");
        assertThat(body.get("balance").asString()).isEqualTo("7260.00");
        assertThat(body.at("/items/item").size()).isEqualTo(2);
        assertThat(body.at("/items/item/0/amount").asString()).isEqualTo("5280.00");
        assertThat(body.get("transactions").isString()).isTrue();
        assertThat(body.get("transactions").asString()).isEmpty();
        assertThat(message(call("GetInvoice", Map.of("invoiceid", "404")))).isEqualTo("Invoice ID Not Found");
    }

    @Test
    void getPayMethodsIsAPlainArray() throws Exception {
        JsonNode card = call("GetPayMethods", Map.of("clientid", "1"));
        assertThat(card.get("paymethods").isArray()).isTrue();
        assertThat(card.at("/paymethods/0/type").asString()).isEqualTo("RemoteCreditCard");
        assertThat(card.at("/paymethods/0/card_last_four").asString()).isEqualTo("4242");
        assertThat(card.at("/paymethods/0/gateway_name").asString()).isEqualTo("stripe");

        assertThat(call("GetPayMethods", Map.of("clientid", "3")).at("/paymethods/0/bank_name").isString()).isTrue();
        assertThat(call("GetPayMethods", Map.of("clientid", "2")).get("paymethods").size()).isZero();
        assertThat(message(call("GetPayMethods", Map.of()))).isEqualTo("Client ID Is Required");
        assertThat(message(call("GetPayMethods", Map.of("clientid", "99")))).isEqualTo("Client Not Found");
    }

    // ---- orders

    @Test
    void addOrderWithPhpArraysCreatesPendingServicesAndAnUnpaidInvoice() throws Exception {
        JsonNode order = call("AddOrder", Map.of("clientid", "2", "paymentmethod", "banktransfer",
                "pid[0]", "1", "billingcycle[0]", "monthly", "pid[1]", "13", "billingcycle[1]", "monthly", "domain[1]", "08099998888"));

        assertThat(order.get("orderid").asString()).isEqualTo("3");
        assertThat(order.get("serviceids").asString()).as("comma-separated string").isEqualTo("5,6");
        assertThat(order.get("invoiceid").isString()).isTrue();
        JsonNode services = call("GetClientsProducts", Map.of("clientid", "2")).at("/products/product");
        assertThat(services.findValuesAsString("status")).containsOnly("Pending");
        assertThat(services.get(1).get("domain").asString()).isEqualTo("08099998888");
        JsonNode invoice = call("GetInvoice", Map.of("invoiceid", order.get("invoiceid").asString()));
        assertThat(invoice.get("status").asString()).isEqualTo("Unpaid");
        assertThat(invoice.get("total").asString()).isEqualTo("6060.00");
    }

    @Test
    void acceptOrderActivatesTheServicesOnce() throws Exception {
        String orderId = call("AddOrder", Map.of("clientid", "2", "paymentmethod", "stripe", "pid[0]", "20",
                "billingcycle[0]", "monthly", "noinvoice", "true")).get("orderid").asString();

        assertThat(call("AcceptOrder", Map.of("orderid", orderId)).get("result").asString()).isEqualTo("success");
        assertThat(call("GetClientsProducts", Map.of("clientid", "2")).at("/products/product/0/status").asString()).isEqualTo("Active");
        assertThat(message(call("AcceptOrder", Map.of("orderid", orderId)))).isEqualTo("Order ID not found or Status not Pending");
        assertThat(message(call("AcceptOrder", Map.of("orderid", "999")))).isEqualTo("Order ID not found or Status not Pending");
    }

    @Test
    void addOrderIsRefusedForClosedClientsUnknownGatewaysAndEmptyCarts() throws Exception {
        assertThat(message(call("AddOrder", Map.of("clientid", "4", "paymentmethod", "stripe", "pid[0]", "1"))))
                .isEqualTo("Unable to add order when client status is Closed");
        assertThat(message(call("AddOrder", Map.of("clientid", "2", "paymentmethod", "bitcoin", "pid[0]", "1"))))
                .startsWith("Invalid Payment Method. Valid options include ").contains("stripe");
        assertThat(message(call("AddOrder", Map.of("clientid", "2", "paymentmethod", "stripe"))))
                .isEqualTo("No items added to cart so order cannot proceed");
        assertThat(message(call("AddOrder", Map.of("clientid", "42", "paymentmethod", "stripe", "pid[0]", "1"))))
                .isEqualTo("Client ID Not Found");
    }

    @Test
    void addOrderStoresCustomFieldsSentAsBase64SerializedPhpArrays() throws Exception {
        // what PHP's base64_encode(serialize(array(112 => "801Sb0000000002IAA"))) sends for pid 11's "Portal Order" field
        String reference = java.util.Base64.getEncoder().encodeToString(
                "a:1:{i:112;s:18:\"801Sb0000000002IAA\";}".getBytes(StandardCharsets.UTF_8));

        call("AddOrder", Map.of("clientid", "2", "paymentmethod", "stripe", "pid[0]", "11", "domain[0]", "08099998888",
                "customfields[0]", reference));

        JsonNode fields = call("GetClientsProducts", Map.of("clientid", "2")).at("/products/product/0/customfields/customfield");
        assertThat(fields.findValuesAsString("name")).containsExactly("MSISDN", "Portal Order");
        assertThat(fields.findValuesAsString("value")).containsExactly("08099998888", "801Sb0000000002IAA");
        assertThat(message(call("AddOrder", Map.of("clientid", "2", "paymentmethod", "stripe", "pid[0]", "1",
                "customfields[0]", "not base64!")))).startsWith("Invalid customfields value");
    }

    @Test
    void getOrdersFindsAnOrderByIdOrClientWithItsLineItemsNewestFirst() throws Exception {
        String orderId = call("AddOrder", Map.of("clientid", "2", "paymentmethod", "stripe", "pid[0]", "1",
                "pid[1]", "20")).get("orderid").asString();

        JsonNode byId = call("GetOrders", Map.of("id", orderId));
        assertThat(byId.get("totalresults").asInt()).isEqualTo(1);
        JsonNode order = byId.at("/orders/order/0");
        assertThat(order.get("id").isNumber()).isTrue();
        assertThat(order.get("status").asString()).isEqualTo("Pending");
        assertThat(order.get("amount").asString()).isEqualTo("5830.00");
        assertThat(order.at("/lineitems/lineitem").findValuesAsString("status")).containsExactly("Pending", "Pending");
        JsonNode hanakos = call("GetOrders", Map.of("userid", "1")).at("/orders/order");
        assertThat(hanakos).hasSize(1);
        assertThat(hanakos.get(0).get("status").asString()).isEqualTo("Active");
        assertThat(call("GetOrders", Map.of("userid", "5")).get("orders").asString()).as("nothing matches: an empty value").isEmpty();
    }

    @Test
    void cancelOrderCancelsAPendingOrderItsServicesAndItsInvoiceButNotAnAcceptedOne() throws Exception {
        JsonNode placed = call("AddOrder", Map.of("clientid", "2", "paymentmethod", "stripe", "pid[0]", "1"));
        String orderId = placed.get("orderid").asString();

        assertThat(call("CancelOrder", Map.of("orderid", orderId)).get("result").asString()).isEqualTo("success");

        assertThat(call("GetOrders", Map.of("id", orderId)).at("/orders/order/0/status").asString()).isEqualTo("Cancelled");
        assertThat(call("GetClientsProducts", Map.of("clientid", "2")).at("/products/product/0/status").asString()).isEqualTo("Cancelled");
        assertThat(call("GetInvoice", Map.of("invoiceid", placed.get("invoiceid").asString())).get("status").asString()).isEqualTo("Cancelled");
        assertThat(message(call("CancelOrder", Map.of("orderid", orderId)))).isEqualTo("Order ID not found or Status not Pending");
        assertThat(message(call("CancelOrder", Map.of("orderid", "1")))).as("accepted").isEqualTo("Order ID not found or Status not Pending");
    }

    @Test
    void addPayMethodGivesAClientACardOrABankAccount() throws Exception {
        JsonNode added = call("AddPayMethod", Map.of("clientid", "2", "type", "CreditCard", "card_number", "4111111111111111",
                "card_expiry", "1230", "description", "Taro's card"));

        assertThat(added.get("paymethodid").asString()).isNotEmpty();
        JsonNode methods = call("GetPayMethods", Map.of("clientid", "2")).get("paymethods");
        assertThat(methods).hasSize(1);
        assertThat(methods.get(0).get("card_last_four").asString()).isEqualTo("1111");
        assertThat(methods.get(0).get("expiry_date").asString()).isEqualTo("12/30");
        assertThat(methods.get(0).get("gateway_name").asString()).isEqualTo("stripe");
        assertThat(message(call("AddPayMethod", Map.of("clientid", "2", "type", "BankAccount")))).isEqualTo("Routing number is required");
        assertThat(message(call("AddPayMethod", Map.of("clientid", "2", "card_number", "4111111111111111", "card_expiry", "1330"))))
                .isEqualTo("Expiry Date is invalid");
        assertThat(message(call("AddPayMethod", Map.of("clientid", "99")))).isEqualTo("Invalid Client ID");
    }

    // ---- single sign-on

    @Test
    void ssoTokenRedirectsOnceThenIsRefused() throws Exception {
        JsonNode token = call("CreateSsoToken", Map.of("client_id", "1", "destination", "clientarea:invoices"));
        String redirect = token.get("redirect_url").asString();
        assertThat(redirect).isEqualTo("http://127.0.0.1:" + port + "/whmcs/oauth/singlesignon.php?access_token="
                + token.get("access_token").asString());

        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(redirect)).GET());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/whmcs/clientarea.php?action=invoices");

        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> landing = send(HttpRequest.newBuilder(URI.create(first.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", cookie).GET());
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Signed in as Hanako Yamada");

        HttpResponse<String> second = send(HttpRequest.newBuilder(URI.create(redirect)).GET());
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void ssoTokenWithACustomRedirectLandsOnTheInvoicePage() throws Exception {
        JsonNode token = call("CreateSsoToken", Map.of("client_id", "3", "destination", "sso:custom_redirect",
                "sso_redirect_path", "viewinvoice.php?id=4"));

        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(token.get("redirect_url").asString())).GET());
        assertThat(first.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/whmcs/viewinvoice.php?id=4");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> landing = send(HttpRequest.newBuilder(URI.create(first.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", cookie).GET());

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Signed in as Aiko Tanaka").contains("viewinvoice.php?id=4");
    }

    @Test
    void ssoTokenRequiresAKnownClientAndDestination() throws Exception {
        assertThat(message(call("CreateSsoToken", Map.of()))).isEqualTo("A valid client_id or user_id is required");
        assertThat(message(call("CreateSsoToken", Map.of("client_id", "99")))).isEqualTo("Invalid client_id");
        assertThat(message(call("CreateSsoToken", Map.of("client_id", "1", "destination", "nowhere")))).isEqualTo("Invalid destination");
    }

    // ---- admin scenarios

    @Test
    void adminMarksAnInvoicePaid() throws Exception {
        HttpResponse<String> paid = admin("POST", "/sandbox/admin/whmcs/invoices/4/paid", "{}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

        JsonNode invoice = call("GetInvoice", Map.of("invoiceid", "4"));
        assertThat(invoice.get("status").asString()).isEqualTo("Paid");
        assertThat(invoice.get("balance").asString()).isEqualTo("0.00");
        assertThat(invoice.at("/transactions/transaction/0/amountin").asString()).isEqualTo("3970.00");
        assertThat(call("GetInvoices", Map.of("status", "Overdue")).get("totalresults").asInt()).isZero();
    }

    @Test
    void adminAddsAnInvoiceAndClosesAClient() throws Exception {
        HttpResponse<String> created = admin("POST", "/sandbox/admin/whmcs/clients/2/invoices",
                "{\"description\":\"Late fee\",\"amount\":500,\"duedate\":\"2020-01-31\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(call("GetInvoices", Map.of("userid", "2", "status", "Overdue")).at("/invoices/invoice/0/total").asString()).isEqualTo("500.00");

        assertThat(admin("PUT", "/sandbox/admin/whmcs/clients/2/status", "{\"status\":\"Closed\"}").statusCode()).isEqualTo(200);
        assertThat(message(call("AddOrder", Map.of("clientid", "2", "paymentmethod", "stripe", "pid[0]", "1"))))
                .isEqualTo("Unable to add order when client status is Closed");
        assertThat(admin("PUT", "/sandbox/admin/whmcs/clients/99/status", "{\"status\":\"Closed\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void adminCountsTheApiCallsPerActionUntilClearedOrReset() throws Exception {
        call("GetInvoices", Map.of("userid", "1"));
        call("GetInvoices", Map.of("userid", "3"));
        call("GetInvoice", Map.of("invoiceid", "999"));

        assertThat(JSON.readTree(admin("GET", "/sandbox/admin/whmcs/calls", null).body()))
                .isEqualTo(JSON.readTree("{\"GetInvoice\":1,\"GetInvoices\":2}"));

        assertThat(admin("DELETE", "/sandbox/admin/whmcs/calls", null).statusCode()).isEqualTo(204);
        call("GetPayMethods", Map.of("clientid", "1"));
        assertThat(JSON.readTree(admin("GET", "/sandbox/admin/whmcs/calls", null).body()))
                .isEqualTo(JSON.readTree("{\"GetPayMethods\":1}"));

        admin("POST", "/sandbox/admin/reset", null);
        assertThat(admin("GET", "/sandbox/admin/whmcs/calls", null).body()).isEqualTo("{}");
    }

    @Test
    void resetRestoresTheSeed() throws Exception {
        call("AddClient", newClient("someone@example.jp"));

        admin("POST", "/sandbox/admin/reset", null);

        assertThat(message(call("GetClientsDetails", Map.of("clientid", "6")))).isEqualTo("Client Not Found");
        assertThat(call("AddClient", newClient("someone@example.jp")).get("clientid").asString()).isEqualTo("6");
    }

    // ---- helpers

    private static Map<String, String> newClient(String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("firstname", "Jiro");
        form.put("lastname", "Kobayashi");
        form.put("email", email);
        form.put("address1", "1-1 Marunouchi");
        form.put("city", "Chiyoda-ku");
        form.put("state", "Tokyo");
        form.put("postcode", "100-0005");
        form.put("country", "JP");
        form.put("phonenumber", "090-9999-0000");
        form.put("password2", "Sandbox-Pass-1");
        return form;
    }

    private static Map<String, String> auth(String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", action);
        form.put("identifier", "sandbox-identifier");
        form.put("secret", "sandbox-secret");
        form.put("responsetype", "json");
        return form;
    }

    private JsonNode call(String action, Map<String, String> params) throws Exception {
        Map<String, String> form = auth(action);
        form.putAll(params);
        HttpResponse<String> response = post(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String message(JsonNode body) {
        assertThat(body.get("result").asString()).as(body.toString()).isEqualTo("error");
        return body.get("message").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(url("/whmcs/includes/api.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
