package dev.portal.billing.config;

import dev.portal.platform.service.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.billing.*}, checked at start: a missing or malformed setting stops the service, naming it.
 *
 * @param timeZone          the zone of the service's business dates (what "today", "overdue" and "the last 30 days"
 *                          mean); instants are zone-free and stored in UTC either way
 * @param currency          the WHMCS installation's currency (ISO 4217), for answers WHMCS sends without one
 * @param simProductGroups  WHMCS product groups whose services are SIM lines (marked {@code sim} in subscriptions)
 * @param cache             lifetimes of the shared WHMCS read caches
 * @param dashboard         where the dashboard's other sources are and how long it waits for each
 */
@Validated
@ConfigurationProperties("portal.billing")
public record BillingProperties(
        @NotNull @DefaultValue("Asia/Tokyo") ZoneId timeZone,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY") @DefaultValue("JPY") String currency,
        @NotEmpty @DefaultValue("SIM") List<@NotBlank String> simProductGroups,
        @NotNull @Valid @DefaultValue Cache cache,
        @NotNull @Valid @DefaultValue Dashboard dashboard) {

    /**
     * The shared caches of WHMCS reads (in PostgreSQL, so every replica sees the same entries and evictions).
     *
     * @param invoiceList      lifetime of one page of a client's invoice list per filter (the portal guide: 90 s)
     * @param invoice          lifetime of one invoice with its lines (the portal guide: 5 min)
     * @param paymentMethods   lifetime of a client's payment methods (the portal guide: 15 min)
     * @param afterPaymentLink after a payment link is issued, the client's invoices and payment methods are read
     *                         from WHMCS directly for this long, so a payment made through the link shows at once
     * @param pruneInterval    how often expired entries are deleted
     */
    public record Cache(
            @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) @DefaultValue("90s") Duration invoiceList,
            @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) @DefaultValue("5m") Duration invoice,
            @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) @DefaultValue("15m") Duration paymentMethods,
            @NotNull @DurationMin(seconds = 0) @DurationMax(hours = 24) @DefaultValue("10m") Duration afterPaymentLink,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration pruneInterval) {

        /** The longest lifetime: an eviction marker older than this can no longer hide any live entry. */
        public Duration longest() {
            return List.of(invoiceList, invoice, paymentMethods).stream().max(Duration::compareTo).orElseThrow();
        }
    }

    /**
     * The dashboard's sources. The caller's own token is relayed to order-service and case-service.
     *
     * @param ordersUrl        order-service's base URL ({@code GET /api/orders})
     * @param casesUrl         case-service's base URL ({@code GET /api/cases?status=open})
     * @param sourceTimeout    how long the dashboard waits for each source before it marks that section unavailable
     * @param connectTimeout   connect timeout to order-service and case-service
     * @param recentOrderDays  how far back "recent orders" go (the portal guide: 30 days)
     * @param sectionItems     how many items a section lists at most (its count covers all)
     */
    public record Dashboard(
            @NotNull @HttpUrl @DefaultValue("http://localhost:8083") URI ordersUrl,
            @NotNull @HttpUrl @DefaultValue("http://localhost:8087") URI casesUrl,
            @NotNull @DurationMin(millis = 50) @DurationMax(seconds = 30) @DefaultValue("2s") Duration sourceTimeout,
            @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 30) @DefaultValue("1s") Duration connectTimeout,
            @Min(1) @Max(366) @DefaultValue("30") int recentOrderDays,
            @Min(1) @Max(100) @DefaultValue("10") int sectionItems) {
    }
}
