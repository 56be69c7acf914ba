package dev.portal.billing.invoices;

import java.math.BigDecimal;

/**
 * A client's unpaid invoices in sum: all of them, and those past their due date among them.
 *
 * @param currency the currency of the totals
 */
public record UnpaidInvoices(int count, BigDecimal total, int overdueCount, BigDecimal overdueTotal, String currency) {
}
