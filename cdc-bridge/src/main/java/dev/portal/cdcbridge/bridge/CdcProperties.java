package dev.portal.cdcbridge.bridge;

import dev.portal.clients.salesforce.streaming.ReplayStart;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the bridge ({@code portal.cdc.*}, env {@code PORTAL_CDC_*}); the org, the token and the CometD
 * timeouts come from the Salesforce client's settings ({@code PORTAL_SALESFORCE_*}, {@code PORTAL_CLIENTS_SALESFORCE_*}).
 *
 * @param channels            the CometD channels to bridge, e.g. {@code /data/OrderChangeEvent}
 * @param startPolicy         where a channel without a stored replay id starts: {@code NEW_EVENTS} (-1) or {@code ALL_RETAINED} (-2)
 * @param staleReplayPolicy   what happens when the stored replay id is refused (older than the retention) or on
 *                            {@code GAP_OVERFLOW}: {@code RESYNC} re-reads the records changed since the watermark, {@code STOP}
 *                            leaves the channel stopped (health DOWN, error log, metric) until an operator acts
 * @param portalClients       client ids of the portal's own Salesforce writes ({@code changeOrigin ...;client=<id>})
 * @param source              {@code ce_source} of the bridged events
 * @param sendTimeout         how long one Kafka send may wait for its acknowledgement
 * @param watchdogInterval    how often leadership, failed sends and the connect loop are checked
 * @param stallTimeout        a subscriber without a successful {@code /meta/connect} for this long is restarted (above
 *                            Salesforce's 110 s hold plus the network delay)
 * @param resyncLookback      how far back a resync reads when no watermark is stored for the channel
 * @param publishMode         {@code ASYNC}: many events in flight to Kafka, the checkpoint follows the contiguous
 *                            acknowledgements; {@code SYNC}: one event at a time, sent and acknowledged before the next
 * @param windowSize          most events in flight to Kafka at once ({@code ASYNC}); a full window holds the stream
 * @param checkpointInterval  how often the acknowledged checkpoints are written to PostgreSQL ({@code ASYNC})
 */
@ConfigurationProperties("portal.cdc")
public record CdcProperties(List<String> channels, ReplayStart startPolicy, StaleReplayPolicy staleReplayPolicy,
                            List<String> portalClients, URI source, Duration sendTimeout, Duration watchdogInterval,
                            Duration stallTimeout, Duration resyncLookback, PublishMode publishMode, Integer windowSize,
                            Duration checkpointInterval) {

    /** What to do when events may have been missed and cannot be replayed. */
    public enum StaleReplayPolicy { RESYNC, STOP }

    /** How events are handed to Kafka. */
    public enum PublishMode { ASYNC, SYNC }

    public static final List<String> DEFAULT_CHANNELS = List.of("/data/OrderChangeEvent", "/data/OrderItemChangeEvent",
            "/data/PricebookEntryChangeEvent", "/data/Product2ChangeEvent", "/data/Pricebook2ChangeEvent",
            "/data/CaseChangeEvent", "/data/AccountChangeEvent");

    public CdcProperties {
        channels = channels == null || channels.isEmpty() ? DEFAULT_CHANNELS : List.copyOf(channels);
        startPolicy = startPolicy != null ? startPolicy : ReplayStart.NEW_EVENTS;
        staleReplayPolicy = staleReplayPolicy != null ? staleReplayPolicy : StaleReplayPolicy.RESYNC;
        portalClients = portalClients == null ? List.of("portal") : List.copyOf(portalClients);
        source = source != null ? source : URI.create("urn:salesforce:org");
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(30);
        watchdogInterval = watchdogInterval != null ? watchdogInterval : Duration.ofSeconds(5);
        stallTimeout = stallTimeout != null ? stallTimeout : Duration.ofSeconds(180);
        resyncLookback = resyncLookback != null ? resyncLookback : Duration.ofHours(72);
        publishMode = publishMode != null ? publishMode : PublishMode.ASYNC;
        windowSize = windowSize != null ? windowSize : 1000;
        if (windowSize < 1) {
            throw new IllegalArgumentException("portal.cdc.window-size must be at least 1");
        }
        checkpointInterval = checkpointInterval != null ? checkpointInterval : Duration.ofMillis(200);
    }
}
