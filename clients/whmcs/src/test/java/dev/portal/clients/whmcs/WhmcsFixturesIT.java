package dev.portal.clients.whmcs;

import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.platform.test.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static dev.portal.platform.test.FixtureServer.html;
import static dev.portal.platform.test.FixtureServer.json;
import static dev.portal.platform.test.FixtureServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against recorded WHMCS answers (the developer docs' examples, as in the fact sheet): loose types are
 * read, bad answers are typed errors naming what arrived, and requests go out the way WHMCS expects them.
 */
class WhmcsFixturesIT {

    private static final String API = "/whmcs/includes/api.php";

    private final FixtureServer server = FixtureServer.start();
    private final WhmcsClient whmcs = WhmcsClient.create(new WhmcsProperties(URI.create(server.baseUrl() + "/whmcs"),
            "fixture-identifier", "fixture-secret", "fixture-key", HttpSettings.DEFAULTS.withRetry(1, Duration.ofMillis(1))));

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(String fixture) {
        server.on("POST", API, resource(200, "application/json", "fixtures/whmcs/" + fixture));
    }

    @Test
    void servicesWithStringIdsAreRead() {
        answer("GetClientsProducts.json");

        ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(1));

        assertThat(page.totalResults()).isEqualTo(1);
        ClientService service = page.services().getFirst();
        assertThat(service.id()).isEqualTo(1);
        assertThat(service.pid()).isEqualTo(1);
        assertThat(service.recurringAmount()).isEqualByComparingTo("12.95");
        assertThat(service.nextDueDate()).isEqualTo(LocalDate.of(2016, 11, 25));
        assertThat(service.customFields().customfield()).isEmpty();
    }

    @Test
    void invoicesWithNumericIdsAreRead() {
        answer("GetInvoices.json");

        InvoicesPage page = whmcs.getInvoices(InvoicesQuery.ofClient(1));

        assertThat(page.totalResults()).isEqualTo(1);
        InvoiceSummary invoice = page.invoices().getFirst();
        assertThat(invoice.id()).isEqualTo(1);
        assertThat(invoice.userId()).isEqualTo(1);
        assertThat(invoice.datePaid()).isNull();
        assertThat(invoice.total()).isEqualByComparingTo("15.95");
        assertThat(invoice.currencyCode()).isEqualTo("USD");
    }

    @Test
    void invoiceWithEmptyTransactionsStringHasNoPayments() {
        answer("GetInvoice.json");

        Invoice invoice = whmcs.getInvoice(1);

        assertThat(invoice.userId()).isEqualTo(2361);
        assertThat(invoice.payments()).isEmpty();
        assertThat(invoice.lines()).singleElement().satisfies(item -> {
            assertThat(item.type()).isEqualTo("Hosting");
            assertThat(item.taxed()).isFalse();
        });
    }

    @Test
    void invoiceWithIdsAsStringsAndATransactionIsRead() {
        answer("GetInvoice-strings.json");

        Invoice invoice = whmcs.getInvoice(1);

        assertThat(invoice.id()).isEqualTo(1);
        assertThat(invoice.datePaid()).isEqualTo(LocalDateTime.of(2016, 1, 5, 12, 30));
        assertThat(invoice.payments()).singleElement().satisfies(t -> assertThat(t.transactionId()).isEqualTo("PAY-1"));
    }

    @Test
    void clientDetailsWithStringsAndEmptyFlagsAreRead() {
        answer("GetClientsDetails.json");

        ClientsDetailsResult result = whmcs.getClientsDetails(ClientLookup.byId(1), true);

        assertThat(result.client().id()).isEqualTo(1);
        assertThat(result.client().taxexempt()).as("\"\" is false").isFalse();
        assertThat(result.client().country()).isEqualTo("GB");
        assertThat(result.stats().numoverdueinvoices()).isEqualTo(19);
    }

    @Test
    void payMethodsArrayIsRead() {
        answer("GetPayMethods.json");

        List<PayMethod> methods = whmcs.getPayMethods(1);

        assertThat(methods).extracting(PayMethod::type).containsExactly("RemoteCreditCard", "BankAccount");
        assertThat(methods.get(1).bankName()).isEqualTo("Bank of America");
        assertThat(methods.get(1).cardLastFour()).isNull();
    }

    @Test
    void productsAreRead() {
        answer("GetProducts.json");

        Product product = whmcs.getProducts(ProductsQuery.all()).getFirst();

        assertThat(product.monthlyPrice("USD")).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("25.99"));
        assertThat(product.pricing().get("USD").annually()).isEqualByComparingTo("-1.00");
    }

    @Test
    void addOrderSendsPhpArraysAndSplitsTheServiceIds() {
        answer("AddOrder.json");

        PlacedOrder order = whmcs.addOrder(OrderRequest.of(1, "stripe", List.of(OrderLine.monthly(1), OrderLine.monthly(11, "09012345678"))));

        assertThat(order).isEqualTo(new PlacedOrder(1, List.of(1L, 2L), 1L));
        FixtureServer.Recorded request = server.requests().getFirst();
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        String form = URLDecoder.decode(request.bodyText(), StandardCharsets.UTF_8);
        assertThat(form).contains("action=AddOrder", "identifier=fixture-identifier", "secret=fixture-secret",
                "accesskey=fixture-key", "responsetype=json", "pid[0]=1", "billingcycle[0]=monthly", "pid[1]=11",
                "domain[1]=09012345678");
    }

    @Test
    void emptyListsAreReadInEitherShape() {
        server.on("POST", API,
                json(200, "{\"result\":\"success\",\"totalresults\":\"0\",\"startnumber\":0,\"numreturned\":0,\"products\":{\"product\":[]}}"),
                json(200, "{\"result\":\"success\",\"totalresults\":0,\"startnumber\":0,\"numreturned\":0,\"invoices\":\"\"}"),
                json(200, "{\"result\":\"success\",\"clientid\":\"2\",\"paymethods\":[]}"));

        assertThat(whmcs.getClientsProducts(ServicesQuery.ofClient(2)).services()).isEmpty();
        assertThat(whmcs.getInvoices(InvoicesQuery.ofClient(2)).invoices()).isEmpty();
        assertThat(whmcs.getPayMethods(2)).isEmpty();
    }

    @Test
    void authenticationFailureInsideHttp200IsTyped() {
        server.on("POST", API, json(200, "{\"result\":\"error\",\"message\":\"Authentication Failed\"}"));

        assertThatThrownBy(() -> whmcs.getInvoice(1))
                .isInstanceOfSatisfying(ExternalAuthenticationException.class, e -> assertThat(e.status()).isEqualTo(200))
                .hasMessageContaining("Authentication Failed");
    }

    @Test
    void ipRefusalIsAnAuthenticationFailure() {
        server.on("POST", API, json(403, "{\"result\":\"error\",\"message\":\"Invalid IP 203.0.113.9\"}"));

        assertThatThrownBy(() -> whmcs.getInvoice(1))
                .isInstanceOf(ExternalAuthenticationException.class)
                .hasMessageContaining("Invalid IP 203.0.113.9");
    }

    @Test
    void warningResultIsAWhmcsApiException() {
        server.on("POST", API, json(200, "{\"result\":\"error\",\"warning\":\"Invalid or Missing Payment Information\"}"));

        assertThatThrownBy(() -> whmcs.addOrder(OrderRequest.of(1, "stripe", List.of(OrderLine.monthly(1)))))
                .isInstanceOfSatisfying(WhmcsApiException.class,
                        e -> assertThat(e.whmcsMessage()).isEqualTo("Invalid or Missing Payment Information"));
    }

    @Test
    void htmlPageIsAnUnreadableAnswer() {
        server.on("POST", API, html(200, "<!DOCTYPE html><html><body><h1>Down for maintenance</h1></body></html>"));

        assertThatThrownBy(() -> whmcs.getInvoices(InvoicesQuery.ofClient(1)))
                .isInstanceOf(ExternalResponseException.class)
                .hasMessageContaining("HTML")
                .hasMessageContaining("maintenance");
    }

    @Test
    void truncatedJsonIsAnUnreadableAnswer() {
        server.on("POST", API, json(200, "{\"result\":\"success\",\"totalresults\":1,\"invoices\":{\"invoice\":[{\"id\":1,"));

        assertThatThrownBy(() -> whmcs.getInvoices(InvoicesQuery.ofClient(1)))
                .isInstanceOf(ExternalResponseException.class)
                .hasMessageContaining("unreadable JSON");
    }

    @Test
    void wrongTypesAreAnUnreadableAnswer() {
        server.on("POST", API, json(200, "{\"result\":\"success\",\"totalresults\":1,\"invoices\":{\"invoice\":[{\"id\":\"seven\",\"userid\":1}]}}"));

        assertThatThrownBy(() -> whmcs.getInvoices(InvoicesQuery.ofClient(1)))
                .isInstanceOf(ExternalResponseException.class)
                .hasMessageContaining("seven");
    }

    @Test
    void impossibleDateIsAnUnreadableAnswer() {
        server.on("POST", API, json(200, "{\"result\":\"success\",\"invoiceid\":1,\"userid\":1,\"duedate\":\"next week\",\"transactions\":\"\"}"));

        assertThatThrownBy(() -> whmcs.getInvoice(1))
                .isInstanceOf(ExternalResponseException.class)
                .hasMessageContaining("next week");
    }

    @Test
    void answerWithoutResultIsAnUnreadableAnswer() {
        server.on("POST", API, json(200, "{\"hello\":\"world\"}"));

        assertThatThrownBy(() -> whmcs.getInvoice(1)).isInstanceOf(ExternalResponseException.class);
    }
}
