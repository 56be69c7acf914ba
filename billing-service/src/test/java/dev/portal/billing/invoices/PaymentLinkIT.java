package dev.portal.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A single-use WHMCS sign-on link to pay an invoice: owner only, unpaid only, never cached. */
class PaymentLinkIT extends BillingTestBase {

    private final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void an_unpaid_invoice_gets_a_single_use_link_that_signs_its_owner_into_the_invoice_page() throws Exception {
        HttpResponse<String> response = aiko().post("/api/invoices/4/payment-link", null);

        JsonNode link = ok(response);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(Instant.parse(link.path("expiresAt").asString())).isBeforeOrEqualTo(clock.instant().plusSeconds(60));
        HttpResponse<String> redeemed = open(link.path("url").asString(), null);
        assertThat(redeemed.statusCode()).isEqualTo(302);
        String page = redeemed.headers().firstValue("Location").orElseThrow();
        assertThat(page).endsWith("/whmcs/viewinvoice.php?id=4");
        HttpResponse<String> landing = open(page, redeemed.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
        assertThat(landing.body()).contains("Signed in as Aiko Tanaka");
        assertThat(open(link.path("url").asString(), null).statusCode()).as("used once already").isEqualTo(403);
    }

    @Test
    void a_paid_invoice_gets_no_link() {
        assertProblem(hanako().post("/api/invoices/1/payment-link", null), 409, "invoice-not-unpaid");
        assertThat(whmcsCalls("CreateSsoToken")).isZero();
    }

    @Test
    void another_customers_invoice_gets_no_link() {
        assertProblem(hanako().post("/api/invoices/4/payment-link", null), 404, "invoice-not-found");
        assertThat(whmcsCalls("CreateSsoToken")).isZero();
    }

    @Test
    void a_link_is_never_cached_and_the_invoice_is_read_fresh_each_time() {
        ok(aiko().get("/api/invoices/4"));

        String first = ok(aiko().post("/api/invoices/4/payment-link", null)).path("url").asString();
        String second = ok(aiko().post("/api/invoices/4/payment-link", null)).path("url").asString();

        assertThat(first).isNotEqualTo(second);
        assertThat(whmcsCalls("CreateSsoToken")).isEqualTo(2);
        assertThat(whmcsCalls("GetInvoice")).as("one for the cached view, one per link").isEqualTo(3);
    }

    @Test
    void an_invoice_paid_since_it_was_cached_gets_no_link() {
        ok(aiko().get("/api/invoices/4"));
        SANDBOX.admin("POST", "/sandbox/admin/whmcs/invoices/4/paid", "{}");

        assertProblem(aiko().post("/api/invoices/4/payment-link", null), 409, "invoice-not-unpaid");
    }

    @Test
    void a_payment_made_through_the_link_shows_at_once_and_caching_resumes_after_the_hold() {
        ok(aiko().get("/api/invoices"));
        ok(aiko().post("/api/invoices/4/payment-link", null));

        SANDBOX.admin("POST", "/sandbox/admin/whmcs/invoices/4/paid", "{}");
        JsonNode after = ok(aiko().get("/api/invoices"));

        assertThat(after.path("items").get(0).path("status").asString()).isEqualTo("paid");
        ok(aiko().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).as("during the hold every read goes to WHMCS").isEqualTo(3);

        clock.advance(Duration.ofMinutes(10));
        ok(aiko().get("/api/invoices"));
        ok(aiko().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).as("after the hold the list is cached again").isEqualTo(4);
    }

    @Test
    void a_client_whmcs_blocks_from_single_sign_on_gets_payment_link_refused() {
        SANDBOX.admin("PUT", "/sandbox/admin/whmcs/clients/1/status", "{\"status\":\"Closed\"}");

        assertProblem(hanako().post("/api/invoices/3/payment-link", null), 422, "payment-link-refused");
    }

    private HttpResponse<String> open(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
