package dev.portal.clients.whmcs;

import java.util.List;

/**
 * AddOrder. {@code paymentMethod} is a gateway system name (e.g. {@code stripe}, {@code banktransfer}).
 * {@code noInvoice} skips the invoice; the others silence WHMCS's emails.
 */
public record OrderRequest(long clientId, String paymentMethod, List<OrderLine> lines, String promoCode,
                           boolean noInvoice, boolean noInvoiceEmail, boolean noEmail) {

    public OrderRequest {
        lines = List.copyOf(lines);
    }

    public static OrderRequest of(long clientId, String paymentMethod, List<OrderLine> lines) {
        return new OrderRequest(clientId, paymentMethod, lines, null, false, false, false);
    }

    public OrderRequest withoutInvoice() {
        return new OrderRequest(clientId, paymentMethod, lines, promoCode, true, noInvoiceEmail, noEmail);
    }

    public OrderRequest quietly() {
        return new OrderRequest(clientId, paymentMethod, lines, promoCode, noInvoice, true, true);
    }
}
