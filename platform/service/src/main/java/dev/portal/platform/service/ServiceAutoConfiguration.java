package dev.portal.platform.service;

import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring for {@link ServiceDefaults}' companions: resilient migrations and their health. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = FlywayAutoConfiguration.class)
public class ServiceAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
    static class Migrations {

        @Bean
        @ConditionalOnMissingBean({FlywayMigrationStrategy.class, DatabaseMigrations.class})
        DatabaseMigrations databaseMigrations() {
            return new DatabaseMigrations(Duration.ofSeconds(1));
        }

        @Bean
        @ConditionalOnBean(DatabaseMigrations.class)
        MigrationsHealthIndicator migrationsHealthIndicator(DatabaseMigrations migrations) {
            return new MigrationsHealthIndicator(migrations);
        }
    }
}
