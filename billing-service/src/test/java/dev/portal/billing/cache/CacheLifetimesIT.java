package dev.portal.billing.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lifetimes of the portal guide, proven with WHMCS's call counts and a moved clock: inside the lifetime no WHMCS
 * call, at its end exactly one.
 */
class CacheLifetimesIT extends BillingTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void the_invoice_list_is_served_from_the_cache_for_90_seconds() {
        ok(hanako().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(89));
        ok(hanako().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).as("inside 90 s").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        ok(hanako().get("/api/invoices"));
        ok(hanako().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).as("at 90 s one new call, then cached again").isEqualTo(2);
    }

    @Test
    void an_invoice_is_served_from_the_cache_for_5_minutes() {
        ok(hanako().get("/api/invoices/3"));
        assertThat(whmcsCalls("GetInvoice")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        ok(hanako().get("/api/invoices/3"));
        assertThat(whmcsCalls("GetInvoice")).as("inside 5 min").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        ok(hanako().get("/api/invoices/3"));
        ok(hanako().get("/api/invoices/3"));
        assertThat(whmcsCalls("GetInvoice")).as("at 5 min one new call, then cached again").isEqualTo(2);
    }

    @Test
    void payment_methods_are_served_from_the_cache_for_15_minutes() {
        ok(hanako().get("/api/payment-methods"));
        assertThat(whmcsCalls("GetPayMethods")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        ok(hanako().get("/api/payment-methods"));
        assertThat(whmcsCalls("GetPayMethods")).as("inside 15 min").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        ok(hanako().get("/api/payment-methods"));
        ok(hanako().get("/api/payment-methods"));
        assertThat(whmcsCalls("GetPayMethods")).as("at 15 min one new call, then cached again").isEqualTo(2);
    }

    @Test
    void each_filter_page_and_client_has_an_entry_of_its_own() {
        ok(hanako().get("/api/invoices"));
        ok(hanako().get("/api/invoices?status=unpaid"));
        ok(hanako().get("/api/invoices?size=1"));
        ok(aiko().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).isEqualTo(4);

        ok(hanako().get("/api/invoices"));
        ok(hanako().get("/api/invoices?status=unpaid"));
        ok(hanako().get("/api/invoices?size=1"));
        ok(aiko().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).isEqualTo(4);
    }

    @Test
    void another_customers_invoice_is_never_served_from_its_owners_entry() {
        ok(aiko().get("/api/invoices/4"));

        assertProblem(hanako().get("/api/invoices/4"), 404, "invoice-not-found");
    }

    @Test
    void a_failed_whmcs_read_is_not_cached() {
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503}");
        assertThat(hanako().get("/api/invoices").statusCode()).isEqualTo(503);

        SANDBOX.clearFaults();
        ok(hanako().get("/api/invoices"));
        assertThat(whmcsCalls("GetInvoices")).as("faulted requests never reach the simulator; one real read").isEqualTo(1);
    }

    @Test
    void hits_and_misses_are_counted_per_cache() {
        double hits = count("invoice-list", "hit");
        double misses = count("invoice-list", "miss");

        ok(hanako().get("/api/invoices"));
        ok(hanako().get("/api/invoices"));
        ok(hanako().get("/api/invoices"));

        assertThat(count("invoice-list", "miss") - misses).isEqualTo(1);
        assertThat(count("invoice-list", "hit") - hits).isEqualTo(2);
        assertThat(dev.portal.platform.test.ApiClient.on(port).get("/actuator/prometheus").body())
                .contains("portal_billing_cache_reads_total{").contains("result=\"hit\"");
    }

    @Test
    void subscriptions_are_read_from_whmcs_every_time() {
        ok(hanako().get("/api/subscriptions"));
        ok(hanako().get("/api/subscriptions"));

        assertThat(whmcsCalls("GetClientsProducts")).isEqualTo(2);
    }

    private double count(String cache, String result) {
        Counter counter = meters.find("portal.billing.cache.reads").tag("cache", cache).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
