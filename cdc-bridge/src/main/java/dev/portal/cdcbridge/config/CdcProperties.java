package dev.portal.cdcbridge.config;

import dev.portal.cdcbridge.forwarding.PublishMode;
import dev.portal.cdcbridge.publishing.CdcTopics;
import dev.portal.cdcbridge.resync.StaleReplayPolicy;
import dev.portal.clients.salesforce.streaming.ReplayStart;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the bridge ({@code portal.cdc.*}, env {@code PORTAL_CDC_*}); the org, the token and the CometD
 * timeouts come from the Salesforce client's settings ({@code PORTAL_SALESFORCE_*}, {@code PORTAL_CLIENTS_SALESFORCE_*}).
 * A missing or malformed value stops the start with a message naming it.
 *
 * @param channels            the CometD channels to bridge, e.g. {@code /data/OrderChangeEvent}; each object needs a
 *                            topic ({@link CdcTopics}). Default: every object that has one
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
@Validated
@ConfigurationProperties("portal.cdc")
public record CdcProperties(
        @NotEmpty List<@NotNull @Pattern(regexp = "/data/[A-Za-z][A-Za-z0-9_]*ChangeEvent",
                message = "must be a change event channel such as /data/OrderChangeEvent") String> channels,
        @NotNull @DefaultValue("new-events") ReplayStart startPolicy,
        @NotNull @DefaultValue("resync") StaleReplayPolicy staleReplayPolicy,
        @NotNull @DefaultValue("portal") List<@NotBlank String> portalClients,
        @NotNull @DefaultValue("urn:salesforce:org") URI source,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration sendTimeout,
        @NotNull @DurationMin(millis = 10) @DefaultValue("5s") Duration watchdogInterval,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("180s") Duration stallTimeout,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("72h") Duration resyncLookback,
        @NotNull @DefaultValue("async") PublishMode publishMode,
        @Min(1) @DefaultValue("1000") int windowSize,
        @NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration checkpointInterval) {

    public CdcProperties {
        channels = channels == null ? CdcTopics.channels() : List.copyOf(channels);
    }

    /** A channel whose object has no topic would fail on its first event; refuse it at start instead. */
    @AssertTrue(message = "portal.cdc.channels: every channel's object needs a topic; bridged objects: Order, OrderItem, PricebookEntry, Product2, "
            + "Pricebook2, Case, Account")
    public boolean isEveryChannelBridged() {
        return channels.stream().allMatch(channel -> channel == null || CdcTopics.of(CdcTopics.entityOf(channel)).isPresent());
    }
}
