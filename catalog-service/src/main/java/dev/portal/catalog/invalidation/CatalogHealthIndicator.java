package dev.portal.catalog.invalidation;

import dev.portal.catalog.snapshot.CatalogCache;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code catalog}: whether the snapshot is loaded (and when), stale after a failed change, and whether this
 * instance is consuming the change topics. Always UP: a cold or stale cache is served or retried, not a reason to
 * restart; not in the readiness group (Salesforce being down must not take every instance out of service).
 */
@Component("catalog")
class CatalogHealthIndicator implements HealthIndicator {

    private final CatalogCache cache;
    private final ChangeTopicsAssignment listener;

    CatalogHealthIndicator(CatalogCache cache, ChangeTopicsAssignment listener) {
        this.cache = cache;
        this.listener = listener;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("loaded", cache.loadedAt().isPresent())
                .withDetail("loadedAt", cache.loadedAt().map(Object::toString).orElse(""))
                .withDetail("stale", cache.stale())
                .withDetail("listening", listener.assigned())
                .build();
    }
}
