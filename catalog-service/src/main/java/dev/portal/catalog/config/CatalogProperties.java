package dev.portal.catalog.config;

import dev.portal.catalog.products.SalesforceId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the catalogue ({@code portal.catalog.*}), checked at start: a missing or malformed one stops the service
 * and the failure names it.
 *
 * @param pricebookId      the Salesforce Pricebook2 the portal sells from (REQUIRED, {@code PORTAL_PRICEBOOK_ID})
 * @param instanceId       this instance's name; its Kafka consumer group is {@code catalog-service-<instanceId>}
 *                         so that every instance sees every change event (default: the platform's
 *                         {@code portal.instance-id}, host name + random suffix)
 * @param refreshInterval  safety full reload, in case an invalidation was ever missed
 * @param retryInterval    how often a failed load or patch is tried again (the old snapshot keeps serving)
 * @param simCheckTtl      how long "has an active SIM" is cached per WHMCS client
 * @param simProductGroups WHMCS product groups whose active services count as a SIM subscription
 * @param coldLoadWait     how long a request waits for a load already in flight on a cold cache before it
 *                         answers {@code 504 catalog-timeout}
 */
@Validated
@ConfigurationProperties("portal.catalog")
public record CatalogProperties(
        @NotBlank(message = "is required (PORTAL_PRICEBOOK_ID): the Salesforce Pricebook2 the portal sells from, "
                + "e.g. 01sSb0000000002IAA in the sandbox")
        @Pattern(regexp = "|" + SalesforceId.FORM, message = "must be a 15- or 18-character Salesforce id (PORTAL_PRICEBOOK_ID)")
        String pricebookId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, '.', '_' or '-' (it names a Kafka consumer group)")
        String instanceId,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration refreshInterval,
        @NotNull @DurationMin(millis = 10) @DefaultValue("10s") Duration retryInterval,
        @NotNull @DurationMin(millis = 1) @DefaultValue("60s") Duration simCheckTtl,
        @NotEmpty @DefaultValue("SIM") List<@NotBlank String> simProductGroups,
        @NotNull @DurationMin(millis = 1) @DefaultValue("15s") Duration coldLoadWait) {
}
