package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code stats{…}} of GetClientsDetails (counts arrive as strings; amounts are display strings such as
 * {@code "¥7260.00 JPY"} and are kept as WHMCS formats them).
 */
public record ClientStats(
        int numunpaidinvoices,
        String unpaidinvoicesamount,
        int numoverdueinvoices,
        String overdueinvoicesbalance,
        int numpaidinvoices,
        int numcancelledinvoices,
        int numrefundedinvoices,
        @JsonProperty("numDraftInvoices") int numDraftInvoices,
        int productsnumactive,
        int productsnumtotal) {
}
