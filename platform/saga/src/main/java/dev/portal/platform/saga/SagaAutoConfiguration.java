package dev.portal.platform.saga;

import dev.portal.platform.outbox.Outbox;
import dev.portal.platform.outbox.OutboxAutoConfiguration;
import dev.portal.platform.service.LeaderLock;
import dev.portal.platform.service.PeriodicTask;
import dev.portal.platform.service.PlatformMigrations;
import dev.portal.platform.service.ServiceAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sagas for a service with a database: the tables (Flyway, {@code db/platform/saga}), the entities and repositories
 * (this package is registered as an auto-configuration package, so the service's own JPA scanning finds them), the
 * engine with every {@link SagaDefinition} bean, the leader, the monitor and the {@code sagas} health contributor.
 * Parked events go through the outbox, which therefore must be there.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class, OutboxAutoConfiguration.class,
        ServiceAutoConfiguration.class},
        before = {FlywayAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@AutoConfigurationPackage
@EnableConfigurationProperties(SagaProperties.class)
public class SagaAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/platform/saga";

    /**
     * The saga tables, versioned below a service's own migrations like the other platform tables. A service that
     * already has migrations gets them out of order, once: they only create tables of their own.
     */
    @Bean
    FlywayConfigurationCustomizer sagaMigrations() {
        FlywayConfigurationCustomizer adding = PlatformMigrations.adding(MIGRATIONS);
        return configuration -> {
            adding.customize(configuration);
            configuration.outOfOrder(true);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Sagas sagas(SagaInstances instances, SagaSteps steps, PlatformTransactionManager transactionManager,
                ObjectProvider<Outbox> outbox, ObjectProvider<Clock> clock, SagaProperties properties,
                ObjectProvider<MeterRegistry> meters, ObjectProvider<JsonMapper> json, List<SagaDefinition<?>> definitions,
                Environment environment) {
        Outbox events = outbox.getIfAvailable();
        if (events == null && !definitions.isEmpty()) {
            throw new IllegalStateException("sagas publish their parked events through the outbox: add platform-outbox"
                    + " (a DataSource and Kafka) to run " + definitions.stream().map(SagaDefinition::name).toList());
        }
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        Sagas sagas = new Sagas(instances, steps, new SagaTransactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        }, (topic, event) -> events.publish(topic, event), clock.getIfAvailable(Clock::systemUTC), properties,
                owner(properties, environment), meters.getIfAvailable(SimpleMeterRegistry::new),
                () -> ThreadLocalRandom.current().nextDouble(),
                json.getIfAvailable(() -> JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()));
        definitions.forEach(sagas::register);
        return sagas;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portal.saga.leader-enabled", matchIfMissing = true)
    SagaLeader sagaLeader(Sagas sagas, SagaProperties properties, DataSourceProperties dataSource, Environment environment) {
        String name = environment.getProperty("spring.application.name", "service") + "-saga-leader";
        return new SagaLeader(sagas, properties, () -> new LeaderLock(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword(), SagaLeader.LEADER_KEY, name));
    }

    @Bean
    SagaMonitor sagaMonitor(SagaInstances instances, PlatformTransactionManager transactionManager, Sagas sagas,
                            SagaProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(true);
        return new SagaMonitor(instances, new SagaTransactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        }, sagas, properties, clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    PeriodicTask sagaMonitorRefresh(SagaMonitor monitor, SagaProperties properties) {
        return new PeriodicTask("saga-monitor", Duration.ZERO, properties.monitorInterval(), monitor::refreshAndWarn);
    }

    @Bean
    SagasHealthIndicator sagasHealthIndicator(SagaMonitor monitor, ObjectProvider<SagaLeader> leader) {
        return new SagasHealthIndicator(monitor, leader.getIfAvailable());
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    SagasEndpoint sagasEndpoint(Sagas sagas, SagaMonitor monitor) {
        return new SagasEndpoint(sagas, monitor);
    }

    private static String owner(SagaProperties properties, Environment environment) {
        if (!properties.owner().isBlank()) {
            return properties.owner();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = environment.getProperty("spring.application.name", "service");
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
