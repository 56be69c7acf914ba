package dev.portal.billing.invoices;

import dev.portal.platform.errors.NotFound;

/** No such invoice, or it belongs to another customer: the caller cannot tell which. */
class InvoiceNotFound extends NotFound {

    InvoiceNotFound(long invoiceId) {
        super("invoice-not-found", "Invoice not found", "There is no invoice " + invoiceId + " on your account.");
    }
}
