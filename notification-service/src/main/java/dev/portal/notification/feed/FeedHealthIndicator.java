package dev.portal.notification.feed;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready once the log is rebuilt: every partition of the topic assigned to this instance and read up to where it
 * was at assignment. Before that a resuming client could be told to reset for nothing, so the load balancer keeps
 * streams away (those that arrive anyway wait).
 */
final class FeedHealthIndicator implements HealthIndicator {

    private final RecentNotifications recent;

    FeedHealthIndicator(RecentNotifications recent) {
        this.recent = recent;
    }

    @Override
    public Health health() {
        Health.Builder health = recent.ready() ? Health.up() : Health.down();
        return health.withDetail("kept", recent.kept()).withDetail("users", recent.users())
                .withDetails(recent.status()).build();
    }
}
