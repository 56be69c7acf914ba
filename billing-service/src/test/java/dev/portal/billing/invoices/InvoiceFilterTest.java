package dev.portal.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Only the listed statuses reach WHMCS; WHMCS's names map to the API's kebab-case and back. */
class InvoiceFilterTest {

    @Test
    void the_api_names_map_to_whmcs_statuses_and_overdue_is_whmcs_virtual_status() {
        assertThat(InvoiceFilter.parse(null)).isEqualTo(InvoiceFilter.ALL);
        assertThat(InvoiceFilter.parse("all").whmcsStatus()).isNull();
        assertThat(InvoiceFilter.parse(" Payment-Pending ").whmcsStatus()).isEqualTo("Payment Pending");
        assertThat(InvoiceFilter.parse("overdue").whmcsStatus()).isEqualTo("Overdue");
    }

    @Test
    void anything_else_is_refused_with_the_allowed_values() {
        assertThatThrownBy(() -> InvoiceFilter.parse("Unpaid' OR '1'='1"))
                .isInstanceOf(InvalidInvoiceStatus.class)
                .satisfies(e -> assertThat(((InvalidInvoiceStatus) e).code()).isEqualTo("invalid-invoice-status"))
                .hasMessageContaining("unpaid").hasMessageContaining("payment-pending");
    }

    @Test
    void whmcs_statuses_are_read_in_any_case_and_unknown_ones_are_other() {
        assertThat(InvoiceStatus.ofWhmcs("Payment Pending").wireName()).isEqualTo("payment-pending");
        assertThat(InvoiceStatus.ofWhmcs("unpaid")).isEqualTo(InvoiceStatus.UNPAID);
        assertThat(InvoiceStatus.ofWhmcs("Partially Refunded")).isEqualTo(InvoiceStatus.OTHER);
        assertThat(InvoiceStatus.ofWhmcs(null)).isEqualTo(InvoiceStatus.OTHER);
    }

    @Test
    void an_invoice_is_overdue_only_while_unpaid_after_its_due_date() {
        LocalDate today = LocalDate.of(2026, 12, 8);
        InvoiceSummary due = new InvoiceSummary(4, "4", today.minusDays(30), today.minusDays(1), null, InvoiceStatus.UNPAID,
                BigDecimal.TEN, "JPY");

        assertThat(due.overdue(today)).isTrue();
        assertThat(due.overdue(today.minusDays(1))).as("due today is not overdue").isFalse();
        assertThat(new InvoiceSummary(4, "4", today, today.minusDays(1), null, InvoiceStatus.PAID, BigDecimal.TEN, "JPY")
                .overdue(today)).isFalse();
    }
}
