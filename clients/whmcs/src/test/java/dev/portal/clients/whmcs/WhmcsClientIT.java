package dev.portal.clients.whmcs;

import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.sandbox.EmbeddedSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the sandbox's WHMCS: every action's happy path, WHMCS refusals typed, credentials refused. */
class WhmcsClientIT {

    private static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();

    private final WhmcsClient whmcs = WhmcsClient.create(properties("sandbox-secret"));

    static WhmcsProperties properties(String secret) {
        return new WhmcsProperties(URI.create(SANDBOX.baseUrl() + "/whmcs"), "sandbox-identifier", secret, null,
                HttpSettings.DEFAULTS.withRetry(3, Duration.ofMillis(10)));
    }

    @BeforeEach
    void seed() {
        SANDBOX.reset();
        SANDBOX.clearFaults();
    }

    @Test
    void readsAClientWithStats() {
        ClientsDetailsResult result = whmcs.getClientsDetails(ClientLookup.byEmail("hanako.yamada@example.jp"), true);

        assertThat(result.client().id()).isEqualTo(1);
        assertThat(result.client().fullname()).isEqualTo("Hanako Yamada");
        assertThat(result.client().country()).isEqualTo("JP");
        assertThat(result.client().active()).isTrue();
        assertThat(result.client().defaultGateway()).isEqualTo("stripe");
        assertThat(result.stats().numunpaidinvoices()).isEqualTo(1);
        assertThat(result.stats().numpaidinvoices()).isEqualTo(2);
    }

    @Test
    void unknownClientIsAWhmcsApiExceptionWithWhmcsMessage() {
        assertThatThrownBy(() -> whmcs.getClientsDetails(ClientLookup.byId(404), false))
                .isInstanceOfSatisfying(WhmcsApiException.class, e -> {
                    assertThat(e.whmcsMessage()).isEqualTo("Client Not Found");
                    assertThat(e.operation()).isEqualTo("GetClientsDetails");
                    assertThat(e.status()).isEqualTo(200);
                });
    }

    @Test
    void addsAClientAndReadsItBack() {
        long id = whmcs.addClient(jiro("jiro.kobayashi@example.jp"));

        assertThat(id).isEqualTo(6);
        assertThat(whmcs.getClientsDetails(ClientLookup.byId(id), false).client().email()).isEqualTo("jiro.kobayashi@example.jp");
    }

    @Test
    void addingAClientWithAnExistingEmailIsRefused() {
        assertThatThrownBy(() -> whmcs.addClient(jiro("mika.ito@example.jp")))
                .isInstanceOfSatisfying(WhmcsApiException.class,
                        e -> assertThat(e.whmcsMessage()).isEqualTo("A user already exists with that email address"));
    }

    @Test
    void updatesAClient() {
        long id = whmcs.updateClient(ClientUpdate.of(2).withPhonenumber("080-1111-2222").withEmailPreference("invoice", false));

        assertThat(id).isEqualTo(2);
        ClientDetails client = whmcs.getClientsDetails(ClientLookup.byId(2), false).client();
        assertThat(client.phonenumber()).isEqualTo("080-1111-2222");
        assertThat(client.emailPreferences()).containsEntry("invoice", false);
    }

    @Test
    void setsAndClearsTheCompanyName() {
        whmcs.updateClient(ClientUpdate.of(2).withCompanyname("Kobayashi Trading KK"));
        assertThat(whmcs.getClientsDetails(ClientLookup.byId(2), false).client().companyname()).isEqualTo("Kobayashi Trading KK");

        whmcs.updateClient(ClientUpdate.of(2).withPhonenumber("080-3333-4444"));
        assertThat(whmcs.getClientsDetails(ClientLookup.byId(2), false).client().companyname())
                .as("left unchanged when not set").isEqualTo("Kobayashi Trading KK");

        whmcs.updateClient(ClientUpdate.of(2).withCompanyname(""));
        assertThat(whmcs.getClientsDetails(ClientLookup.byId(2), false).client().companyname()).isEmpty();
    }

    @Test
    void updatingToAnEmailOfAnotherClientIsRefused() {
        assertThatThrownBy(() -> whmcs.updateClient(ClientUpdate.of(2).withEmail("aiko.tanaka@example.jp")))
                .isInstanceOfSatisfying(WhmcsApiException.class, e -> assertThat(e.is("Duplicate Email Address")).isTrue());
    }

    @Test
    void validatesLogins() {
        assertThat(whmcs.validateLogin("aiko.tanaka@example.jp", "Sandbox-Pass-1"))
                .hasValueSatisfying(login -> {
                    assertThat(login.userid()).isEqualTo(3);
                    assertThat(login.twoFactorEnabled()).isFalse();
                });
        assertThat(whmcs.validateLogin("aiko.tanaka@example.jp", "wrong")).isEmpty();
    }

    @Test
    void listsServicesWithTheirMsisdn() {
        ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(3));

        assertThat(page.totalResults()).isEqualTo(2);
        assertThat(page.services()).extracting(ClientService::pid).containsExactly(10L, 12L);
        ClientService esim = page.services().get(1);
        assertThat(esim.customField("MSISDN")).hasValue("07033334444");
        assertThat(esim.domain()).isEqualTo("07033334444");
        assertThat(esim.recurringAmount()).isEqualByComparingTo("2980");
        assertThat(esim.billingCycle()).isEqualTo("Monthly");
        assertThat(esim.nextDueDate()).isAfter(LocalDate.now().minusDays(1));
    }

    @Test
    void clientWithoutServicesHasAnEmptyPage() {
        ServicesPage page = whmcs.getClientsProducts(ServicesQuery.ofClient(2));

        assertThat(page.totalResults()).isZero();
        assertThat(page.services()).isEmpty();
    }

    @Test
    void listsProducts() {
        List<Product> products = whmcs.getProducts(ProductsQuery.of(11L, 20L));

        assertThat(products).extracting(Product::name).containsExactly("SIM Data+Voice 10GB", "Secure VPN");
        assertThat(products.getFirst().monthlyPrice("JPY")).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("1980"));
        assertThat(products.getFirst().pricing().get("JPY").annually()).isEqualByComparingTo("-1");
    }

    @Test
    void listsOverdueInvoices() {
        InvoicesPage overdue = whmcs.getInvoices(InvoicesQuery.ofClient(3).withStatus("Overdue"));

        assertThat(overdue.totalResults()).isEqualTo(1);
        InvoiceSummary invoice = overdue.invoices().getFirst();
        assertThat(invoice.total()).isEqualByComparingTo("3970");
        assertThat(invoice.datePaid()).as("0000-00-00 00:00:00 is no date").isNull();
        assertThat(invoice.dueDate()).isBefore(LocalDate.now().plusDays(1));
    }

    @Test
    void pagesInvoices() {
        InvoicesPage page = whmcs.getInvoices(InvoicesQuery.ofClient(1).orderedBy("id", "desc").page(0, 2));

        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.invoices()).extracting(InvoiceSummary::id).containsExactly(3L, 2L);
    }

    @Test
    void readsInvoicesPaidAndUnpaid() {
        Invoice unpaid = whmcs.getInvoice(3);
        assertThat(unpaid.paid()).isFalse();
        assertThat(unpaid.payments()).as("\"transactions\": \"\" is no payment").isEmpty();
        assertThat(unpaid.lines()).extracting(Invoice.Item::relid).containsExactly(1L, 2L);
        assertThat(unpaid.balance()).isEqualByComparingTo("7260");

        Invoice paid = whmcs.getInvoice(1);
        assertThat(paid.paid()).isTrue();
        assertThat(paid.datePaid()).isNotNull();
        assertThat(paid.payments()).singleElement().satisfies(t -> assertThat(t.amountIn()).isEqualByComparingTo("7260"));
    }

    @Test
    void unknownInvoiceIsRefused() {
        assertThatThrownBy(() -> whmcs.getInvoice(999))
                .isInstanceOfSatisfying(WhmcsApiException.class, e -> assertThat(e.whmcsMessage()).isEqualTo("Invoice ID Not Found"));
    }

    @Test
    void readsPayMethods() {
        assertThat(whmcs.getPayMethods(1)).singleElement().satisfies(card -> {
            assertThat(card.card()).isTrue();
            assertThat(card.cardLastFour()).isEqualTo("4242");
            assertThat(card.gatewayName()).isEqualTo("stripe");
        });
        assertThat(whmcs.getPayMethods(3)).singleElement().satisfies(bank -> assertThat(bank.bankName()).isNotBlank());
        assertThat(whmcs.getPayMethods(2)).isEmpty();
    }

    @Test
    void placesAndAcceptsAnOrder() {
        PlacedOrder order = whmcs.addOrder(OrderRequest.of(2, "stripe",
                List.of(OrderLine.monthly(1), OrderLine.monthly(11, "08012340000"))));

        assertThat(order.serviceIds()).containsExactly(5L, 6L);
        assertThat(order.invoiceId()).isNotNull();
        assertThat(whmcs.getInvoice(order.invoiceId()).total()).isEqualByComparingTo(new BigDecimal("7260"));
        assertThat(whmcs.getClientsProducts(ServicesQuery.ofClient(2)).services()).extracting(ClientService::status).containsOnly("Pending");

        whmcs.acceptOrder(order.orderId());

        List<ClientService> services = whmcs.getClientsProducts(ServicesQuery.ofClient(2)).services();
        assertThat(services).extracting(ClientService::status).containsOnly("Active");
        assertThat(services.get(1).customField("MSISDN")).hasValue("08012340000");
    }

    @Test
    void orderWithoutInvoiceHasNoInvoiceId() {
        PlacedOrder order = whmcs.addOrder(OrderRequest.of(2, "banktransfer", List.of(OrderLine.monthly(20))).withoutInvoice());

        assertThat(order.invoiceId()).isNull();
    }

    @Test
    void orderForAClosedClientIsRefused() {
        assertThatThrownBy(() -> whmcs.addOrder(OrderRequest.of(4, "stripe", List.of(OrderLine.monthly(1)))))
                .isInstanceOfSatisfying(WhmcsApiException.class,
                        e -> assertThat(e.whmcsMessage()).isEqualTo("Unable to add order when client status is Closed"));
    }

    @Test
    void acceptingAnOrderTwiceIsRefused() {
        PlacedOrder order = whmcs.addOrder(OrderRequest.of(2, "stripe", List.of(OrderLine.monthly(20))));
        whmcs.acceptOrder(order.orderId());

        assertThatThrownBy(() -> whmcs.acceptOrder(order.orderId()))
                .isInstanceOfSatisfying(WhmcsApiException.class,
                        e -> assertThat(e.whmcsMessage()).isEqualTo("Order ID not found or Status not Pending"));
    }

    @Test
    void anOrderCarriesAReferenceInAProductCustomFieldThatTheServicesShowAgain() {
        Product sim = whmcs.getProducts(ProductsQuery.of(11L)).getFirst();
        long referenceField = sim.customFieldId("Portal Order").orElseThrow();

        PlacedOrder order = whmcs.addOrder(OrderRequest.of(2, "stripe",
                List.of(OrderLine.monthly(11, "08012340000").withCustomField(referenceField, "801Sb0000000002IAA"))));

        ClientService service = whmcs.getClientsProducts(ServicesQuery.ofClient(2)).services().getFirst();
        assertThat(service.orderId()).isEqualTo(order.orderId());
        assertThat(service.customField("Portal Order")).hasValue("801Sb0000000002IAA");
        assertThat(service.customField("MSISDN")).hasValue("08012340000");
    }

    @Test
    void readsAnOrderWithItsLineItemsAndCancelsItWhilePending() {
        PlacedOrder order = whmcs.addOrder(OrderRequest.of(2, "stripe", List.of(OrderLine.monthly(1), OrderLine.monthly(20))));

        WhmcsOrder placed = whmcs.getOrder(order.orderId()).orElseThrow();
        assertThat(placed.pending()).isTrue();
        assertThat(placed.userId()).isEqualTo(2);
        assertThat(placed.amount()).isEqualByComparingTo(new BigDecimal("5830"));
        assertThat(placed.lineItems().lineitem()).extracting(WhmcsOrder.LineItem::relId).containsExactlyElementsOf(order.serviceIds());

        whmcs.cancelOrder(order.orderId());

        assertThat(whmcs.getOrder(order.orderId()).orElseThrow().cancelled()).isTrue();
        assertThat(whmcs.getOrders(OrdersQuery.ofClient(2)).orders()).singleElement()
                .satisfies(o -> assertThat(o.lineItems().lineitem()).extracting(WhmcsOrder.LineItem::status).containsOnly("Cancelled"));
        assertThat(whmcs.getOrder(999)).isEmpty();
    }

    @Test
    void anAcceptedOrderCannotBeCancelled() {
        PlacedOrder order = whmcs.addOrder(OrderRequest.of(2, "stripe", List.of(OrderLine.monthly(20))));
        whmcs.acceptOrder(order.orderId());

        assertThatThrownBy(() -> whmcs.cancelOrder(order.orderId()))
                .isInstanceOfSatisfying(WhmcsApiException.class,
                        e -> assertThat(e.whmcsMessage()).isEqualTo("Order ID not found or Status not Pending"));
    }

    @Test
    void createsASingleSignOnLinkThatRedirectsOnce() throws Exception {
        SsoToken token = whmcs.createSsoToken(SsoRequest.forService(1, 2));

        assertThat(token.redirectUrl().toString()).startsWith(SANDBOX.baseUrl() + "/whmcs/oauth/singlesignon.php?access_token=");
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> first = browser.send(HttpRequest.newBuilder(token.redirectUrl()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("action=productdetails&id=2"));
        assertThat(browser.send(HttpRequest.newBuilder(token.redirectUrl()).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void ssoForAnUnknownClientIsRefused() {
        assertThatThrownBy(() -> whmcs.createSsoToken(SsoRequest.forClient(99, "clientarea:invoices")))
                .isInstanceOfSatisfying(WhmcsApiException.class, e -> assertThat(e.whmcsMessage()).isEqualTo("Invalid client_id"));
    }

    @Test
    void wrongSecretIsAnAuthenticationFailure() {
        WhmcsClient wrong = WhmcsClient.create(properties("not-the-secret"));

        assertThatThrownBy(() -> wrong.getInvoice(1))
                .isInstanceOfSatisfying(ExternalAuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e).hasMessageContaining("Authentication Failed");
                });
    }

    private static NewClient jiro(String email) {
        return new NewClient("Jiro", "Kobayashi", email, "1-1 Marunouchi", null, "Chiyoda-ku", "Tokyo", "100-0005", "JP",
                "090-9999-0000", "Sandbox-Pass-1", null, true);
    }
}
