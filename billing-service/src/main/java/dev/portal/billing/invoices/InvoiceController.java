package dev.portal.billing.invoices;

import dev.portal.billing.config.BillingProperties;
import dev.portal.billing.customer.CallingCustomer;
import dev.portal.billing.customer.Customer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's invoices (WHMCS): list, one invoice with its lines, and a link to pay an unpaid one. */
@RestController
@Validated
class InvoiceController {

    private final InvoiceManagement invoices;
    private final CallingCustomer caller;
    private final BillingProperties properties;

    InvoiceController(InvoiceManagement invoices, CallingCustomer caller, BillingProperties properties) {
        this.invoices = invoices;
        this.caller = caller;
        this.properties = properties;
    }

    /** Newest first; {@code status}: unpaid, overdue, paid, cancelled, refunded, draft, collections, payment-pending or all. */
    @GetMapping("/api/invoices")
    InvoiceViews.Page list(@RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                           @RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
        InvoiceFilter filter = InvoiceFilter.parse(status);
        Customer customer = caller.get();
        InvoicePage found = invoices.page(customer, filter, page, size);
        LocalDate today = invoices.today();
        return new InvoiceViews.Page(found.items().stream()
                .map(i -> InvoiceViews.Summary.of(i, today, properties.timeZone(), invoices.currency(i.currency()))).toList(),
                page, size, found.totalItems());
    }

    @GetMapping("/api/invoices/{id}")
    InvoiceViews.Detail invoice(@PathVariable long id) {
        Invoice invoice = invoices.invoice(caller.get(), id);
        return InvoiceViews.Detail.of(invoice, invoices.today(), properties.timeZone(), properties.currency());
    }

    /** A single-use WHMCS sign-on link to pay the invoice; never cached anywhere. */
    @PostMapping("/api/invoices/{id}/payment-link")
    ResponseEntity<InvoiceViews.Link> paymentLink(@PathVariable long id) {
        PaymentLink link = invoices.paymentLink(caller.get(), id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(InvoiceViews.Link.of(link));
    }
}
