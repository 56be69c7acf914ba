package dev.portal.order.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.order.*}, checked at start: a missing or malformed setting stops the service, naming it.
 *
 * @param timeZone              the zone of the service's business dates (an order's effective date is "today" there);
 *                              instants are zone-free and stored in UTC either way
 * @param pricebookId           the Salesforce Pricebook2 the portal sells from: only its active entries can be ordered
 *                              ({@code PORTAL_PRICEBOOK_ID}, shared with catalog-service)
 * @param initialStatus         the Salesforce Order status a new order gets; an operator approves it from there
 * @param minQuantity           the smallest quantity of one item
 * @param maxQuantity           the largest quantity of one item
 * @param maxItems              the most items one order may hold (at most 24: the order and its items are created in
 *                              one Salesforce composite request of at most 25 subrequests)
 * @param idempotencyRetention  how long an {@code Idempotency-Key} and its answer are kept; the same key afterwards
 *                              places a new order
 * @param purgeInterval         how often checkouts older than the retention are forgotten
 * @param checkoutLease         how long a checkout may run before a request with the same key may take it over; longer
 *                              than the worst case of the checkout's external calls (their timeouts and retries)
 * @param inDoubtWait           how long after a Salesforce create whose outcome is unknown (a timeout) a retry with the same
 *                              key may create the order again when Salesforce still does not show it
 * @param internetProductGroups WHMCS product groups whose active services count as an Internet service (besides the
 *                              products Salesforce files under the Internet category)
 * @param defaultPageSize       orders per page of {@code GET /api/orders} unless the caller asks for another size
 * @param maxPageSize           the largest page a caller may ask for
 */
@Validated
@ConfigurationProperties("portal.order")
public record OrderProperties(
        @NotNull @DefaultValue("Asia/Tokyo") ZoneId timeZone,
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?", message = "must be a Salesforce id (15 or 18 letters and digits)")
        String pricebookId,
        @NotBlank @DefaultValue("Pending Review") String initialStatus,
        @Min(1) @DefaultValue("1") int minQuantity,
        @Min(1) @DefaultValue("10") int maxQuantity,
        @Min(1) @Max(24) @DefaultValue("10") int maxItems,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("24h") Duration idempotencyRetention,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration purgeInterval,
        @NotNull @DurationMin(seconds = 10) @DefaultValue("2m") Duration checkoutLease,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration inDoubtWait,
        @NotEmpty @DefaultValue("Internet") List<String> internetProductGroups,
        @Min(1) @DefaultValue("20") int defaultPageSize,
        @Min(1) @Max(500) @DefaultValue("100") int maxPageSize) {

    @AssertTrue(message = "min-quantity must not be above max-quantity")
    public boolean isQuantityRangeOrdered() {
        return minQuantity <= maxQuantity;
    }

    @AssertTrue(message = "default-page-size must not be above max-page-size")
    public boolean isDefaultPageWithinMax() {
        return defaultPageSize <= maxPageSize;
    }
}
