package dev.portal.billing.invoices;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code status} filter of the invoice list: an invoice status, {@code overdue} (unpaid and past its due date,
 * WHMCS's virtual status) or {@code all}. Only these reach WHMCS.
 */
enum InvoiceFilter {
    ALL(null),
    UNPAID("Unpaid"),
    OVERDUE("Overdue"),
    PAID("Paid"),
    CANCELLED("Cancelled"),
    REFUNDED("Refunded"),
    DRAFT("Draft"),
    COLLECTIONS("Collections"),
    PAYMENT_PENDING("Payment Pending");

    private final String whmcsStatus;

    InvoiceFilter(String whmcsStatus) {
        this.whmcsStatus = whmcsStatus;
    }

    static InvoiceFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        return Arrays.stream(values()).filter(f -> f.wireName().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new InvalidInvoiceStatus(value));
    }

    /** GetInvoices' {@code status}, null for every status. */
    String whmcsStatus() {
        return whmcsStatus;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(InvoiceFilter::wireName).toList());
    }
}
