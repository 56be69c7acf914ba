package dev.portal.fulfillment.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.fulfillment.*}, checked at start: a missing or malformed setting stops the service, naming it.
 *
 * @param timeZone      the zone of the service's business dates; instants are zone-free and stored in UTC either way
 * @param approvedStatus the Salesforce Order {@code Status} whose change starts a fulfillment (an operator's approval)
 * @param products      how Salesforce products become WHMCS products and Freebit plans
 * @param whmcs         how orders are placed in WHMCS
 * @param paymentMethod how long a fulfillment waits for a payment method, and how often it looks
 * @param activation    how a SIM line's activation at Freebit is followed
 */
@Validated
@ConfigurationProperties("portal.fulfillment")
public record FulfillmentProperties(@NotNull @DefaultValue("Asia/Tokyo") ZoneId timeZone,
                                    @NotBlank @DefaultValue("Approved") String approvedStatus,
                                    @NotNull @Valid @DefaultValue Products products,
                                    @NotNull @Valid @DefaultValue Whmcs whmcs,
                                    @NotNull @Valid @DefaultValue PaymentMethod paymentMethod,
                                    @NotNull @Valid @DefaultValue Activation activation) {

    /**
     * @param simCategories Salesforce {@code Product2.Portal_Category__c} values that are SIM lines (activated at Freebit)
     * @param whmcsIds      WHMCS product ids by Salesforce Product2 id, for products without {@code WH_Product_ID__c}
     * @param simPlans      Freebit plan codes by WHMCS product id: every SIM product needs one
     */
    public record Products(@NotEmpty @DefaultValue("SIM") Set<@NotBlank String> simCategories,
                           @NotNull @DefaultValue Map<@Pattern(regexp = "[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?") String, @Min(1) Long> whmcsIds,
                           @NotNull @DefaultValue Map<@Min(1) Long, @NotBlank @Size(max = 32) String> simPlans) {
    }

    /**
     * @param orderReferenceField the WHMCS product custom field holding the Salesforce Order id on each service: the
     *                            reference that finds an order an earlier attempt placed (every ordered product needs it)
     */
    public record Whmcs(@NotBlank @DefaultValue("Portal Order") String orderReferenceField) {
    }

    /**
     * @param recheckInterval how often a fulfillment waiting for a payment method looks again
     * @param waitLimit       how long it waits before it parks for a person to follow up
     */
    public record PaymentMethod(@NotNull @DurationMin(millis = 100) @DefaultValue("10m") Duration recheckInterval,
                                @NotNull @DurationMin(minutes = 1) @DefaultValue("14d") Duration waitLimit) {
    }

    /**
     * @param pollInterval  how often a SIM line that Freebit is still activating is looked at (one line per request)
     * @param timeout       how long an activation may take before the fulfillment parks
     * @param contractLine  the network of new lines, {@code 4G} or {@code 5G}
     */
    public record Activation(@NotNull @DurationMin(millis = 100) @DurationMax(hours = 1) @DefaultValue("30s") Duration pollInterval,
                             @NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration timeout,
                             @NotBlank @Pattern(regexp = "4G|5G") @DefaultValue("4G") String contractLine) {
    }
}
