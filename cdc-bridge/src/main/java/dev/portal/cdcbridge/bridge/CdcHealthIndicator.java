package dev.portal.cdcbridge.bridge;

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
class CdcHealthIndicator implements HealthIndicator {

    private final CdcLeader leader;
    private final CdcBridge bridge;
    private final Clock clock;

    CdcHealthIndicator(CdcLeader leader, CdcBridge bridge, Clock clock) {
        this.leader = leader;
        this.bridge = bridge;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, String> stopped = bridge.stoppedChannels();
        Health.Builder health = stopped.isEmpty() ? Health.up() : Health.down().withDetail("stopped", stopped);
        health.withDetail("role", leader.role().name().toLowerCase());
        StreamingHealth streaming = leader.streamingHealth();
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
        bridge.channels().forEach((channel, state) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("replayId", state.replayId());
            detail.put("lastEventAt", state.publishedAt().toString());
            if (state.committedAt() != null) {
                detail.put("lagMs", Math.max(0, Duration.between(state.committedAt(), state.publishedAt()).toMillis()));
            }
            channels.put(channel, detail);
        });
        health.withDetail("channels", channels);
        health.withDetail("eventsPerSecond", Math.round(bridge.eventsPerSecond() * 100) / 100.0);
        health.withDetail("restarts", leader.restarts());
        if (bridge.lastError() != null) {
            health.withDetail("lastError", bridge.lastError());
        }
        health.withDetail("checkedAt", clock.instant().toString());
        return health.build();
    }
}
