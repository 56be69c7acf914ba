package dev.portal.billing.invoices;

import dev.portal.clients.whmcs.InvoicesPage;
import dev.portal.clients.whmcs.InvoicesQuery;
import dev.portal.clients.whmcs.SsoRequest;
import dev.portal.clients.whmcs.SsoToken;
import dev.portal.clients.whmcs.WhmcsApiException;
import dev.portal.clients.whmcs.WhmcsClient;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** WHMCS's invoice actions, translated to this feature's records (WHMCS's types stay here). */
@Component
class WhmcsInvoices {

    private final WhmcsClient whmcs;

    WhmcsInvoices(WhmcsClient whmcs) {
        this.whmcs = whmcs;
    }

    /** GetInvoices for the client, newest first. */
    InvoicePage page(long clientId, InvoiceFilter filter, int page, int size) {
        InvoicesPage answer = whmcs.getInvoices(InvoicesQuery.ofClient(clientId).withStatus(filter.whmcsStatus())
                .page(page * size, size).orderedBy("date", "desc"));
        return new InvoicePage(answer.invoices().stream()
                .filter(i -> i.userId() == clientId) // WHMCS filtered by userid already; never show another client's row
                .map(i -> new InvoiceSummary(i.id(), number(i.invoiceNum(), i.id()), i.date(), i.dueDate(), i.datePaid(),
                        InvoiceStatus.ofWhmcs(i.status()), zeroIfNull(i.total()), blankToNull(i.currencyCode())))
                .toList(), answer.totalResults());
    }

    /** GetInvoice; empty when WHMCS has no such invoice. */
    Optional<Invoice> invoice(long invoiceId) {
        dev.portal.clients.whmcs.Invoice i;
        try {
            i = whmcs.getInvoice(invoiceId);
        } catch (WhmcsApiException e) {
            if (e.is("Invoice ID Not Found")) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new Invoice(i.id(), i.userId(), number(i.invoiceNum(), i.id()), i.date(), i.dueDate(), i.datePaid(),
                InvoiceStatus.ofWhmcs(i.status()), zeroIfNull(i.subtotal()), zeroIfNull(i.credit()), zeroIfNull(i.tax()),
                zeroIfNull(i.total()), zeroIfNull(i.balance()),
                i.lines().stream().map(l -> new Invoice.Line(l.description(), zeroIfNull(l.amount()), l.type(),
                        l.relid() == 0 ? null : l.relid())).toList(),
                i.payments().stream().map(p -> new Invoice.Payment(p.date(), p.gateway(), zeroIfNull(p.amountIn()))).toList()));
    }

    /**
     * CreateSsoToken for the client, landing on the invoice's payment page ({@code viewinvoice.php?id=N}); empty when
     * WHMCS blocks single sign-on for the client. Single use, valid for at most 60 s.
     */
    Optional<URI> paymentLink(long clientId, long invoiceId) {
        try {
            SsoToken token = whmcs.createSsoToken(SsoRequest.customRedirect(clientId, "viewinvoice.php?id=" + invoiceId));
            return Optional.of(token.redirectUrl());
        } catch (WhmcsApiException e) {
            if (e.is("SSO authentication blocked")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // WHMCS leaves invoicenum empty unless sequential numbering is on; the id is what the client area shows then
    private static String number(String invoiceNum, long id) {
        return invoiceNum == null || invoiceNum.isBlank() ? Long.toString(id) : invoiceNum;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
