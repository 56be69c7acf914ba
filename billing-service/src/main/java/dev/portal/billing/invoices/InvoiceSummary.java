package dev.portal.billing.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One invoice of a list, as cached (nothing here depends on "today": overdue is worked out when it is shown).
 *
 * @param paidAt   WHMCS's payment time, in the installation's (business) time zone; null while unpaid
 * @param currency ISO code, null when WHMCS did not say
 */
public record InvoiceSummary(long id, String number, LocalDate issuedOn, LocalDate dueOn, LocalDateTime paidAt,
                             InvoiceStatus status, BigDecimal total, String currency) {

    /** Unpaid and due before {@code today}. */
    public boolean overdue(LocalDate today) {
        return status == InvoiceStatus.UNPAID && dueOn != null && dueOn.isBefore(today);
    }
}
