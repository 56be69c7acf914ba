package dev.portal.platform.saga;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code sagas}: whether this replica leads, and how many instances are parked, failed or stuck (the oldest stuck
 * ones by id). Always UP: a stuck saga needs a person, not a restart, so it is not part of readiness.
 */
class SagasHealthIndicator implements HealthIndicator {

    private final SagaMonitor monitor;
    private final SagaLeader leader;

    SagasHealthIndicator(SagaMonitor monitor, SagaLeader leader) {
        this.monitor = monitor;
        this.leader = leader;
    }

    @Override
    public Health health() {
        SagaMonitor.Counts counts = monitor.counts();
        Health.Builder health = Health.up()
                .withDetail("leader", leader != null && leader.isLeader())
                .withDetail("parked", counts.total(SagaStatus.PARKED))
                .withDetail("failed", counts.total(SagaStatus.FAILED))
                .withDetail("stuck", counts.totalStuck());
        if (!counts.oldestStuck().isEmpty()) {
            health.withDetail("oldestStuck", counts.oldestStuck().stream().map(Object::toString).toList());
        }
        if (counts.at() != null) {
            health.withDetail("countedAt", counts.at().toString());
        }
        return health.build();
    }
}
