package dev.portal.billing.invoices;

import dev.portal.platform.errors.Conflict;
import java.util.Map;

/** A payment link is only made for an unpaid invoice. */
class InvoiceNotUnpaid extends Conflict {

    InvoiceNotUnpaid(long invoiceId, InvoiceStatus status) {
        super("invoice-not-unpaid", "Invoice not unpaid", "Invoice " + invoiceId + " is " + status.wireName() + ": only an unpaid invoice can be paid.",
                Map.of("status", status.wireName()));
    }
}
