package dev.portal.billing.invoices;

import java.util.List;

/** One page of a client's invoices, newest first, and how many match the filter in all. */
public record InvoicePage(List<InvoiceSummary> items, int totalItems) {

    public InvoicePage {
        items = List.copyOf(items);
    }
}
