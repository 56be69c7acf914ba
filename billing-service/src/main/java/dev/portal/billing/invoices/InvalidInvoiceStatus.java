package dev.portal.billing.invoices;

import dev.portal.platform.errors.InvalidInput;
import java.util.Map;

/** The invoice list's {@code status} filter names no known status. */
class InvalidInvoiceStatus extends InvalidInput {

    InvalidInvoiceStatus(String value) {
        super("invalid-invoice-status", "Invalid invoice status", "status must be one of " + InvoiceFilter.known(),
                Map.of("allowed", InvoiceFilter.known()));
    }
}
