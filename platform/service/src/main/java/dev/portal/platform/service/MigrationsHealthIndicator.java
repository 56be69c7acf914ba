package dev.portal.platform.service;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code migrations} in readiness: down until the schema is where this build expects it. */
class MigrationsHealthIndicator implements HealthIndicator {

    private final DatabaseMigrations migrations;

    MigrationsHealthIndicator(DatabaseMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public Health health() {
        if (migrations.isCompleted()) {
            return Health.up().build();
        }
        String error = migrations.lastError();
        return Health.down().withDetail("pending", true).withDetail("error", error == null ? "not run yet" : error).build();
    }
}
