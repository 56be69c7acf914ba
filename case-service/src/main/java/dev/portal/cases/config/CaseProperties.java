package dev.portal.cases.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.case.*}, checked at start: a missing or malformed setting stops the service, naming it.
 *
 * @param timeZone        the zone of the service's business dates (what "today" and "the 1st of next month" mean);
 *                        instants are zone-free and stored in UTC either way
 * @param statuses        the org's Case Status values a customer may filter the list by (the picklist's values)
 * @param categories      what a customer may give as a new case's {@code category}, sent as the Case's {@code Type}
 *                        (the org's Type picklist values)
 * @param defaultPageSize cases per page when the request does not say
 * @param maxPageSize     the most cases a page may hold (Salesforce skips at most 2,000 records with OFFSET)
 */
@Validated
@ConfigurationProperties("portal.case")
public record CaseProperties(@NotNull @DefaultValue("Asia/Tokyo") ZoneId timeZone,
                             @NotEmpty @DefaultValue({"New", "Working", "Closed"}) List<@Pattern(regexp = PICKLIST_VALUE,
                                     message = "must be a picklist value: letters, digits, spaces, - or _") String> statuses,
                             @NotEmpty @DefaultValue({"Internet", "SIM", "VPN", "Billing", "Other"}) List<@Pattern(regexp = PICKLIST_VALUE,
                                     message = "must be a picklist value: letters, digits, spaces, - or _") String> categories,
                             @Min(1) @DefaultValue("20") int defaultPageSize,
                             @Min(1) @Max(2000) @DefaultValue("100") int maxPageSize) {

    /** A picklist value as the org shows it: nothing that needs quoting. */
    static final String PICKLIST_VALUE = "[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,39}";

    @AssertTrue(message = "portal.case.default-page-size must not exceed portal.case.max-page-size")
    public boolean isDefaultPageSizeWithinMax() {
        return defaultPageSize <= maxPageSize;
    }
}
