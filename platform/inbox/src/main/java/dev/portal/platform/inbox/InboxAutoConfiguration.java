package dev.portal.platform.inbox;

import dev.portal.platform.service.PlatformMigrations;
import dev.portal.platform.service.ServiceAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.portal.platform.service.PeriodicTask;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox for every service with a database. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class, ServiceAutoConfiguration.class},
        before = FlywayAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(InboxProperties.class)
public class InboxAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/platform/inbox";

    @Bean
    FlywayConfigurationCustomizer inboxMigrations() {
        return PlatformMigrations.adding(MIGRATIONS);
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(DataSource dataSource, PlatformTransactionManager transactionManager, ObjectProvider<MeterRegistry> meters) {
        return new Inbox(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    PeriodicTask inboxPurge(Inbox inbox, InboxProperties properties) {
        return new PeriodicTask("inbox-purge", properties.purgeInterval(), properties.purgeInterval(),
                new InboxPurge(inbox, properties));
    }
}
