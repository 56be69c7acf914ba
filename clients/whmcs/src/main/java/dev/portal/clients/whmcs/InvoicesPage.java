package dev.portal.clients.whmcs;

import java.util.List;

/** One page of GetInvoices. */
public record InvoicesPage(int totalResults, int startNumber, int numReturned, List<InvoiceSummary> invoices) {

    public InvoicesPage {
        invoices = List.copyOf(invoices);
    }
}
