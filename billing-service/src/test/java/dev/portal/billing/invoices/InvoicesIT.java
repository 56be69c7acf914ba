package dev.portal.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The caller's invoices from WHMCS: the list (filter, paging, newest first) and one invoice with its lines. */
class InvoicesIT extends BillingTestBase {

    @Test
    void the_list_shows_only_the_callers_invoices_newest_first() {
        JsonNode page = ok(hanako().get("/api/invoices"));

        assertThat(page.path("items").valueStream().map(i -> i.path("id").asLong()).toList()).containsExactly(3L, 2L, 1L);
        assertThat(page.path("totalItems").asInt()).isEqualTo(3);
        JsonNode unpaid = page.path("items").get(0);
        assertThat(unpaid.path("status").asString()).isEqualTo("unpaid");
        assertThat(unpaid.path("overdue").asBoolean()).isFalse();
        assertThat(unpaid.path("total").path("amount").decimalValue()).isEqualByComparingTo("7260");
        assertThat(unpaid.path("total").path("currency").asString()).isEqualTo("JPY");
        assertThat(page.path("items").get(1).path("paidAt").asString()).as("a paid invoice says when").isNotBlank();
    }

    @Test
    void a_status_filter_and_paging_narrow_the_list() {
        JsonNode paid = ok(hanako().get("/api/invoices?status=paid"));
        JsonNode second = ok(hanako().get("/api/invoices?page=1&size=1"));

        assertThat(paid.path("items").valueStream().map(i -> i.path("id").asLong()).toList()).containsExactly(2L, 1L);
        assertThat(second.path("items").valueStream().map(i -> i.path("id").asLong()).toList()).containsExactly(2L);
        assertThat(second.path("totalItems").asInt()).isEqualTo(3);
    }

    @Test
    void an_unpaid_invoice_past_its_due_date_is_overdue() {
        JsonNode overdue = ok(aiko().get("/api/invoices?status=overdue"));

        assertThat(overdue.path("items")).hasSize(1);
        assertThat(overdue.path("items").get(0).path("id").asLong()).isEqualTo(4);
        assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_status_filter_is_refused_before_whmcs_is_asked() {
        HttpResponse<String> response = hanako().get("/api/invoices?status=everything%27%20or%201%3D1");

        assertProblem(response, 400, "invalid-invoice-status");
        assertThat(whmcsCalls("GetInvoices")).isZero();
    }

    @Test
    void a_page_size_over_100_is_refused_naming_the_field() {
        HttpResponse<String> response = hanako().get("/api/invoices?size=101");

        assertProblem(response, 400, "validation-failed");
        assertThat(ApiClient.problemFields(response)).containsExactly("size");
    }

    @Test
    void an_invoice_opens_with_its_lines_and_payments() {
        JsonNode invoice = ok(hanako().get("/api/invoices/2"));

        assertThat(invoice.path("status").asString()).isEqualTo("paid");
        assertThat(invoice.path("payable").asBoolean()).isFalse();
        assertThat(invoice.path("lines")).hasSize(2);
        assertThat(invoice.path("lines").get(0).path("description").asString()).contains("Hikari FTTH 1G");
        assertThat(invoice.path("lines").get(0).path("serviceId").asLong()).isEqualTo(1);
        assertThat(invoice.path("payments")).hasSize(1);
        assertThat(invoice.path("payments").get(0).path("amount").path("amount").decimalValue()).isEqualByComparingTo("7260");
        assertThat(invoice.path("balance").path("amount").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void another_customers_invoice_answers_404_like_one_that_does_not_exist() {
        HttpResponse<String> others = hanako().get("/api/invoices/4");
        HttpResponse<String> missing = hanako().get("/api/invoices/999");

        assertProblem(others, 404, "invoice-not-found");
        assertProblem(missing, 404, "invoice-not-found");
        assertThat(others.body()).doesNotContain("Aiko").doesNotContain("3970");
    }

    @Test
    void a_caller_without_a_billing_account_gets_account_not_linked() {
        assertProblem(unlinked().get("/api/invoices"), 409, "account-not-linked");
        assertThat(whmcsCalls()).isEmpty();
    }

    @Test
    void without_a_token_nothing_is_read() {
        assertProblem(ApiClient.on(port).get("/api/invoices"), 401, "unauthenticated");
        assertThat(whmcsCalls()).isEmpty();
    }
}
