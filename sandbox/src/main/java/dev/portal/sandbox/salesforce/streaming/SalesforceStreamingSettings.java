package dev.portal.sandbox.salesforce.streaming;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The simulated Streaming API (Change Data Capture over CometD). The defaults are Salesforce's documented
 * values; tests shorten the timeouts.
 *
 * @param timeout           how long a {@code /meta/connect} is held when no event arrives ({@code advice.timeout}, 110 s)
 * @param maxInterval       a client that does not connect again within this is dropped ({@code 403::Unknown client}, 40 s)
 * @param retention         how long change events can be replayed (72 h for CDC)
 * @param minimumApiVersion lowest API version accepted in {@code /cometd/<version>} (37.0)
 * @param sweepPeriod       how often expired clients are looked for
 * @param entities          objects with change events, each on {@code /data/<Entity>ChangeEvent} and {@code /data/ChangeEvents}
 */
@Validated
@ConfigurationProperties("sandbox.salesforce.streaming")
record SalesforceStreamingSettings(@DurationMin(millis = 1) Duration timeout, @DurationMin(millis = 1) Duration maxInterval,
                                   @DurationMin(millis = 1) Duration retention, @DecimalMin("20.0") Double minimumApiVersion,
                                   @DurationMin(millis = 1) Duration sweepPeriod, @NotEmpty List<@NotBlank String> entities) {

    SalesforceStreamingSettings {
        timeout = timeout != null ? timeout : Duration.ofSeconds(110);
        maxInterval = maxInterval != null ? maxInterval : Duration.ofSeconds(40);
        retention = retention != null ? retention : Duration.ofHours(72);
        minimumApiVersion = minimumApiVersion != null ? minimumApiVersion : 37.0;
        sweepPeriod = sweepPeriod != null ? sweepPeriod : Duration.ofSeconds(1);
        entities = entities != null ? List.copyOf(entities)
                : List.of("Account", "Contact", "Product2", "Pricebook2", "PricebookEntry", "Order", "OrderItem", "Case");
    }
}
