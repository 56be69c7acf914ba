package dev.portal.platform.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.outbox.*}
 *
 * @param relayEnabled whether this instance may run the relay (the writer always works)
 * @param source the CloudEvents {@code source} of this service's events; empty = {@code urn:portal:<application name>}
 * @param slotName the logical replication slot; empty = {@code portal_outbox_<database>} (slots are per cluster)
 * @param pollInterval how long the connector waits for WAL changes before it looks again (latency vs. CPU)
 * @param offsetFlushInterval how often relayed positions are stored; a crash resends at most this much
 * @param retention how long relayed rows stay in the table for inspection before the purge deletes them
 */
@Validated
@ConfigurationProperties("portal.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("") String source,
        @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]*") @DefaultValue("public") String schema,
        @Pattern(regexp = "|[a-z_][a-z0-9_]{0,62}") @DefaultValue("") String slotName,
        @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}") @DefaultValue("portal_outbox") String publicationName,
        @NotNull @DefaultValue("100ms") Duration pollInterval,
        @NotNull @DefaultValue("1s") Duration offsetFlushInterval,
        @NotNull @DefaultValue("10s") Duration heartbeatInterval,
        @Min(1) @DefaultValue("1024") int maxBatchSize,
        @NotNull @DefaultValue("30s") Duration sendTimeout,
        @NotNull @DefaultValue("5s") Duration leaderCheckInterval,
        @NotNull @DefaultValue("7d") Duration retention,
        @NotNull @DefaultValue("1h") Duration purgeInterval) {
}
