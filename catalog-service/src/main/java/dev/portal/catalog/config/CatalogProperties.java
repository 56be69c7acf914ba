package dev.portal.catalog.config;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the catalogue ({@code portal.catalog.*}).
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
@ConfigurationProperties("portal.catalog")
public record CatalogProperties(String pricebookId, String instanceId, Duration refreshInterval, Duration retryInterval,
                                Duration simCheckTtl, List<String> simProductGroups,
                                Duration coldLoadWait) {

    /** A Salesforce id: 15 or 18 base-62 characters. Checked before an id is put into SOQL. */
    public static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    public CatalogProperties {
        if (pricebookId == null || pricebookId.isBlank()) {
            throw new IllegalArgumentException("PORTAL_PRICEBOOK_ID (portal.catalog.pricebook-id) is required: the id of the "
                    + "Salesforce Pricebook2 the portal sells from, e.g. 01sSb0000000002IAA in the sandbox");
        }
        if (!SALESFORCE_ID.matcher(pricebookId).matches()) {
            throw new IllegalArgumentException("PORTAL_PRICEBOOK_ID must be a 15- or 18-character Salesforce id, was '"
                    + pricebookId + "'");
        }
        refreshInterval = refreshInterval == null ? Duration.ofHours(1) : refreshInterval;
        retryInterval = retryInterval == null ? Duration.ofSeconds(10) : retryInterval;
        simCheckTtl = simCheckTtl == null ? Duration.ofSeconds(60) : simCheckTtl;
        coldLoadWait = coldLoadWait == null ? Duration.ofSeconds(15) : coldLoadWait;
        simProductGroups = simProductGroups == null || simProductGroups.isEmpty() ? List.of("SIM") : List.copyOf(simProductGroups);
    }

}
