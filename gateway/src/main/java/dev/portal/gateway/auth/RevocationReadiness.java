package dev.portal.gateway.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether this instance knows the revocations that still matter: not before it has read every partition of the
 * topic from {@code lookback} ago up to where it ended when the partitions were assigned. Until then a revoked
 * token would pass, so the gateway is not ready (health {@code revocations}, in the readiness group) and the gauge
 * {@code portal.gateway.revocations.ready} is 0: a gateway that cannot read revocations at start takes no traffic.
 * Once caught up it stays ready; a later Kafka outage only delays revocations (the binding reconnects by itself).
 */
final class RevocationReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RevocationReadiness.class);

    private final Duration lookback;
    private final Map<TopicPartition, Long> behind = new ConcurrentHashMap<>();
    private volatile boolean assigned;
    private volatile boolean caughtUp;

    RevocationReadiness(Duration lookback) {
        this.lookback = lookback;
    }

    /** Partitions handed to this instance: where it will read from, and where each ended at that moment. */
    void assigned(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        if (caughtUp) {
            return;
        }
        positions.forEach((partition, position) -> {
            long end = ends.getOrDefault(partition, 0L);
            if (position < end) {
                behind.put(partition, end);
            } else {
                behind.remove(partition);
            }
        });
        assigned = true;
        check();
    }

    /** A record of the topic was handled (a revocation, another user event, or a malformed one sent to the DLT). */
    void read(String topic, Integer partition, Long offset) {
        if (caughtUp || topic == null || partition == null || offset == null) {
            return;
        }
        behind.computeIfPresent(new TopicPartition(topic, partition), (p, end) -> offset + 1 >= end ? null : end);
        check();
    }

    boolean isReady() {
        return caughtUp;
    }

    private void check() {
        if (assigned && behind.isEmpty() && !caughtUp) {
            caughtUp = true;
            log.info("revocations of the last {} read; the gateway can take traffic", lookback);
        }
    }

    @Override
    public Health health() {
        if (caughtUp) {
            return Health.up().build();
        }
        return Health.down().withDetail("reason", assigned
                ? "reading the revocations of the last " + lookback + " (" + behind.size() + " partition(s) behind)"
                : "revocations cannot be read yet (Kafka unreachable or the topic not assigned)").build();
    }
}
