package dev.portal.billing.cache;

import dev.portal.billing.config.BillingProperties;
import java.time.Duration;
import java.util.function.Function;

/** The shared caches of WHMCS reads, each with its lifetime from {@code portal.billing.cache.*}. */
public enum CacheName {

    /** One page of a client's invoice list for one filter (GetInvoices). */
    INVOICE_LIST("invoice-list", BillingProperties.Cache::invoiceList),
    /** One invoice with its lines (GetInvoice), kept under its owner only. */
    INVOICE("invoice", BillingProperties.Cache::invoice),
    /** A client's payment methods (GetPayMethods). */
    PAYMENT_METHODS("payment-methods", BillingProperties.Cache::paymentMethods);

    private final String wireName;
    private final Function<BillingProperties.Cache, Duration> lifetime;

    CacheName(String wireName, Function<BillingProperties.Cache, Duration> lifetime) {
        this.wireName = wireName;
        this.lifetime = lifetime;
    }

    /** The name in the table and in the metrics' {@code cache} tag. */
    public String wireName() {
        return wireName;
    }

    Duration lifetime(BillingProperties.Cache settings) {
        return lifetime.apply(settings);
    }
}
