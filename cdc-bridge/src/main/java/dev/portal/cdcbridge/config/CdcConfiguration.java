package dev.portal.cdcbridge.config;

import dev.portal.cdcbridge.checkpoint.CheckpointWriter;
import dev.portal.cdcbridge.checkpoint.Checkpoints;
import dev.portal.cdcbridge.forwarding.ForwardingSessions;
import dev.portal.cdcbridge.leadership.CdcLeader;
import dev.portal.cdcbridge.publishing.CdcPublisher;
import dev.portal.cdcbridge.resync.Rereads;
import dev.portal.cdcbridge.resync.Resync;
import dev.portal.cdcbridge.status.BridgeStatus;
import dev.portal.cdcbridge.status.CdcHealthIndicator;
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
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** The clock, and the bridge's parts when a Salesforce org is configured ({@code portal.clients.salesforce.base-url}). */
@Configuration(proxyBeanMethods = false)
class CdcConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CdcProperties.class, SalesforceStreamingProperties.class})
    @ConditionalOnProperty(prefix = "portal.clients.salesforce", name = "base-url")
    static class Bridge {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Bean
        BridgeStatus cdcStatus(Clock clock) {
            return new BridgeStatus(clock);
        }

        @Bean
        CdcPublisher cdcPublisher(CdcProperties settings, KafkaTemplate<String, byte[]> kafka) {
            return new CdcPublisher(kafka, JSON, settings.source(), settings.portalClients(), settings.sendTimeout());
        }

        @Bean
        Resync cdcResync(CdcProperties settings, SalesforceClient salesforce, Checkpoints checkpoints, CdcPublisher publisher,
                         BridgeStatus status, Clock clock, ObjectProvider<MeterRegistry> meters) {
            return new Resync(new Rereads(salesforce, JSON), checkpoints, publisher, status, settings.staleReplayPolicy(),
                    settings.resyncLookback(), clock, meters(meters));
        }

        /** Closed at shutdown: waits for the events in flight, then writes the last checkpoints. */
        @Bean
        ForwardingSessions cdcForwarding(CdcProperties settings, CdcPublisher publisher, Checkpoints checkpoints, Resync resync,
                                         BridgeStatus status, ObjectProvider<MeterRegistry> meters) {
            CheckpointWriter writer = new CheckpointWriter(checkpoints, status, settings.checkpointInterval());
            return new ForwardingSessions(settings.publishMode(), settings.windowSize(), publisher, writer, resync, status, meters(meters));
        }

        @Bean
        CdcLeader cdcLeader(CdcProperties settings, SalesforceStreamingProperties streaming, ObjectProvider<SalesforceAuth> auth,
                            ForwardingSessions forwarding, Checkpoints checkpoints, BridgeStatus status, DataSourceProperties dataSource,
                            ObjectProvider<DatabaseMigrations> migrations, Clock clock) {
            String url = dataSource.determineUrl();
            String username = dataSource.determineUsername();
            String password = dataSource.determinePassword();
            return new CdcLeader(new CdcLeader.Settings(settings.channels(), settings.watchdogInterval(), settings.stallTimeout()),
                    streaming.withStartPolicy(settings.startPolicy()), auth::getObject, forwarding, checkpoints, status,
                    () -> new LeaderLock(url, username, password, CdcLeader.LEADER_KEY, "portal-cdc-leader"),
                    migrations.getIfAvailable(), clock);
        }

        @Bean
        CdcHealthIndicator cdcHealthIndicator(BridgeStatus status, Clock clock) {
            return new CdcHealthIndicator(status, clock);
        }

        private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
            return meters.getIfAvailable(SimpleMeterRegistry::new);
        }
    }
}
