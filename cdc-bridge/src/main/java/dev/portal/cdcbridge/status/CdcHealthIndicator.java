package dev.portal.cdcbridge.status;

import dev.portal.clients.salesforce.streaming.StreamingHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cdc}: role, connection, per-channel checkpoint and lag, last event time and rate. DOWN only when a channel
 * was stopped by the stale-replay policy (an operator must act); a reconnecting stream stays UP with
 * {@code connected=false}, since retrying is the bridge's normal work. Not part of the readiness group: the bridge
 * serves no traffic that a reconnect should turn away.
 */
public class CdcHealthIndicator implements HealthIndicator {

    private final BridgeStatus status;
    private final Clock clock;

    public CdcHealthIndicator(BridgeStatus status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, String> stopped = status.stoppedChannels();
        Health.Builder health = stopped.isEmpty() ? Health.up() : Health.down().withDetail("stopped", stopped);
        health.withDetail("role", status.role().name().toLowerCase());
        StreamingHealth streaming = status.streaming();
        health.withDetail("connected", streaming != null && streaming.connected());
        if (streaming != null) {
            health.withDetail("subscribed", streaming.subscribed().size());
            health.withDetail("handshakes", streaming.handshakes());
            if (streaming.lastConnectAt() != null) {
                health.withDetail("lastConnectAt", streaming.lastConnectAt().toString());
            }
            if (streaming.lastEventAt() != null) {
                health.withDetail("lastEventAt", streaming.lastEventAt().toString());
            }
        }
        Map<String, Object> channels = new LinkedHashMap<>();
        status.channels().forEach((channel, state) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("replayId", state.replayId());
            detail.put("lastEventAt", state.publishedAt().toString());
            if (state.committedAt() != null) {
                detail.put("lagMs", Math.max(0, Duration.between(state.committedAt(), state.publishedAt()).toMillis()));
            }
            channels.put(channel, detail);
        });
        health.withDetail("channels", channels);
        health.withDetail("eventsPerSecond", Math.round(status.eventsPerSecond() * 100) / 100.0);
        health.withDetail("restarts", status.restarts());
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        health.withDetail("checkedAt", clock.instant().toString());
        return health.build();
    }
}
