package dev.portal.billing.invoices;

import java.util.Arrays;

/** An invoice's status as WHMCS names it, and as this API writes it (kebab-case). */
public enum InvoiceStatus {
    DRAFT("Draft"),
    UNPAID("Unpaid"),
    PAID("Paid"),
    CANCELLED("Cancelled"),
    REFUNDED("Refunded"),
    COLLECTIONS("Collections"),
    PAYMENT_PENDING("Payment Pending"),
    /** A status this service does not know (a WHMCS add-on's); shown as {@code other}, never payable. */
    OTHER("");

    private final String whmcsName;

    InvoiceStatus(String whmcsName) {
        this.whmcsName = whmcsName;
    }

    static InvoiceStatus ofWhmcs(String name) {
        return Arrays.stream(values()).filter(s -> s != OTHER && s.whmcsName.equalsIgnoreCase(name)).findFirst().orElse(OTHER);
    }

    String whmcsName() {
        return whmcsName;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
