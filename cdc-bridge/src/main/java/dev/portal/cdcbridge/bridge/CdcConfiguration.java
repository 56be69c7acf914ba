package dev.portal.cdcbridge.bridge;

import dev.portal.clients.salesforce.SalesforceAuth;
import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.streaming.SalesforceStreamingProperties;
import dev.portal.platform.service.DatabaseMigrations;
import dev.portal.platform.service.LeaderLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;

/** The bridge, active when a Salesforce org is configured ({@code portal.clients.salesforce.base-url}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CdcProperties.class, SalesforceStreamingProperties.class})
@ConditionalOnProperty(prefix = "portal.clients.salesforce", name = "base-url")
class CdcConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    Checkpoints cdcCheckpoints(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new Checkpoints(JdbcClient.create(dataSource), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CdcBridge cdcBridge(CdcProperties settings, KafkaTemplate<String, byte[]> kafka, Checkpoints checkpoints,
                        SalesforceClient salesforce, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        CdcPublisher publisher = new CdcPublisher(kafka, JSON, settings.source(), settings.portalClients(), settings.sendTimeout());
        return new CdcBridge(settings, publisher, checkpoints, new Rereads(salesforce, JSON), clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    CdcLeader cdcLeader(CdcProperties settings, SalesforceStreamingProperties streaming, ObjectProvider<SalesforceAuth> auth,
                        CdcBridge bridge, Checkpoints checkpoints, DataSourceProperties dataSource,
                        ObjectProvider<DatabaseMigrations> migrations, ObjectProvider<Clock> clock) {
        String url = dataSource.determineUrl();
        String username = dataSource.determineUsername();
        String password = dataSource.determinePassword();
        return new CdcLeader(settings, streaming, auth::getObject, bridge, checkpoints,
                () -> new LeaderLock(url, username, password, CdcLeader.LEADER_KEY, "portal-cdc-leader"),
                migrations.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CdcHealthIndicator cdcHealthIndicator(CdcLeader leader, CdcBridge bridge, ObjectProvider<Clock> clock) {
        return new CdcHealthIndicator(leader, bridge, clock.getIfAvailable(Clock::systemUTC));
    }
}
