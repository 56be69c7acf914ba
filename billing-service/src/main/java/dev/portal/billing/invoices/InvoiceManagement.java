package dev.portal.billing.invoices;

import dev.portal.billing.cache.CacheName;
import dev.portal.billing.cache.SharedCache;
import dev.portal.billing.config.BillingProperties;
import dev.portal.billing.customer.Customer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A customer's invoices, read from WHMCS through the shared cache: a list page per filter for
 * {@code portal.billing.cache.invoice-list} (90 s), an invoice for {@code portal.billing.cache.invoice} (5 min),
 * kept under its owner only. A payment link is never cached and is only made for the owner's unpaid invoice.
 */
@Service
public class InvoiceManagement {

    /** WHMCS's single sign-on tokens work for at most this long. */
    static final Duration PAYMENT_LINK_LIFETIME = Duration.ofSeconds(60);
    private static final List<CacheName> PAYMENT_CHANGES = List.of(CacheName.INVOICE_LIST, CacheName.INVOICE, CacheName.PAYMENT_METHODS);
    private static final int SUMMARY_PAGE = 100;
    private static final int SUMMARY_MAX_PAGES = 20;
    private static final Logger log = LoggerFactory.getLogger(InvoiceManagement.class);

    private final WhmcsInvoices whmcs;
    private final SharedCache cache;
    private final BillingProperties properties;
    private final Clock clock;

    InvoiceManagement(WhmcsInvoices whmcs, SharedCache cache, BillingProperties properties, Clock clock) {
        this.whmcs = whmcs;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    InvoicePage page(Customer customer, InvoiceFilter filter, int page, int size) {
        String key = "status=" + filter.wireName() + "&page=" + page + "&size=" + size;
        return cache.read(customer, CacheName.INVOICE_LIST, key, InvoicePage.class,
                () -> whmcs.page(customer.whmcsClientId(), filter, page, size));
    }

    /** The customer's invoice; {@link InvoiceNotFound} when there is none or it is another client's. */
    Invoice invoice(Customer customer, long invoiceId) {
        return cache.read(customer, CacheName.INVOICE, Long.toString(invoiceId), Invoice.class, () -> owned(customer, invoiceId));
    }

    /**
     * A single-use link into WHMCS to pay the customer's unpaid invoice. The invoice is read fresh (a cached "unpaid"
     * may be paid by now), and afterwards the customer's invoices and payment methods are read from WHMCS for
     * {@code portal.billing.cache.after-payment-link}, so the payment shows as soon as WHMCS has it.
     */
    PaymentLink paymentLink(Customer customer, long invoiceId) {
        Invoice invoice = owned(customer, invoiceId);
        if (invoice.status() != InvoiceStatus.UNPAID) {
            throw new InvoiceNotUnpaid(invoiceId, invoice.status());
        }
        Instant issuedAt = clock.instant();
        URI url = whmcs.paymentLink(customer.whmcsClientId(), invoiceId).orElseThrow(() -> new PaymentLinkRefused(invoiceId));
        cache.evictClient(customer, PAYMENT_CHANGES, properties.cache().afterPaymentLink(), "payment-link");
        log.info("payment link issued for invoice {} of WHMCS client {}", invoiceId, customer.whmcsClientId());
        return new PaymentLink(invoiceId, url, issuedAt.plus(PAYMENT_LINK_LIFETIME));
    }

    /** Count and total of the customer's unpaid invoices and of the overdue ones among them (from the cached list). */
    public UnpaidInvoices unpaid(Customer customer) {
        LocalDate today = LocalDate.now(clock);
        int count = 0;
        int overdueCount = 0;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal overdueTotal = BigDecimal.ZERO;
        String currency = null;
        for (int page = 0; page < SUMMARY_MAX_PAGES; page++) {
            InvoicePage unpaid = page(customer, InvoiceFilter.UNPAID, page, SUMMARY_PAGE);
            for (InvoiceSummary invoice : unpaid.items()) {
                count++;
                total = total.add(invoice.total());
                if (invoice.overdue(today)) {
                    overdueCount++;
                    overdueTotal = overdueTotal.add(invoice.total());
                }
                currency = currency == null ? invoice.currency() : currency;
            }
            if (unpaid.items().size() < SUMMARY_PAGE || (page + 1) * SUMMARY_PAGE >= unpaid.totalItems()) {
                break;
            }
        }
        return new UnpaidInvoices(count, total, overdueCount, overdueTotal, currency == null ? properties.currency() : currency);
    }

    String currency(String fromWhmcs) {
        return fromWhmcs == null ? properties.currency() : fromWhmcs;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private Invoice owned(Customer customer, long invoiceId) {
        return whmcs.invoice(invoiceId).filter(i -> i.clientId() == customer.whmcsClientId())
                .orElseThrow(() -> new InvoiceNotFound(invoiceId));
    }
}
