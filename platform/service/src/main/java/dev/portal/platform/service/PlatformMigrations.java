package dev.portal.platform.service;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Platform libraries ship their tables as Flyway migrations in a location of their own (versions below 1, so
 * they sort before a service's {@code V1__...}); this adds such a location to the service's migrations.
 */
public final class PlatformMigrations {

    private PlatformMigrations() {
    }

    public static FlywayConfigurationCustomizer adding(String location) {
        return configuration -> configuration.locations(Stream.concat(
                        Arrays.stream(configuration.getLocations()).map(Location::getDescriptor), Stream.of(location))
                .distinct().toArray(String[]::new));
    }
}
