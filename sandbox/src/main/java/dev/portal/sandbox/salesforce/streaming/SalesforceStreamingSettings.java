package dev.portal.sandbox.salesforce.streaming;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
@ConfigurationProperties("sandbox.salesforce.streaming")
record StreamingSettings(Duration timeout, Duration maxInterval, Duration retention, Double minimumApiVersion,
                         Duration sweepPeriod, List<String> entities) {

    StreamingSettings {
        timeout = timeout != null ? timeout : Duration.ofSeconds(110);
        maxInterval = maxInterval != null ? maxInterval : Duration.ofSeconds(40);
        retention = retention != null ? retention : Duration.ofHours(72);
        minimumApiVersion = minimumApiVersion != null ? minimumApiVersion : 37.0;
        sweepPeriod = sweepPeriod != null ? sweepPeriod : Duration.ofSeconds(1);
        entities = entities != null ? List.copyOf(entities)
                : List.of("Account", "Contact", "Product2", "Pricebook2", "PricebookEntry", "Order", "OrderItem", "Case");
    }
}
