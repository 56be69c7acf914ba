package dev.portal.platform.outbox;

import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventsAutoConfiguration;
import dev.portal.platform.service.DatabaseMigrations;
import dev.portal.platform.service.PlatformMigrations;
import dev.portal.platform.service.ServiceAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;

/** The outbox writer for every service with a database and Kafka, and its relay unless switched off. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class, EventsAutoConfiguration.class,
        ServiceAutoConfiguration.class},
        before = FlywayAutoConfiguration.class)
@ConditionalOnBean({DataSource.class, ProducerFactory.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/platform/outbox";

    @Bean
    FlywayConfigurationCustomizer outboxMigrations() {
        return PlatformMigrations.adding(MIGRATIONS);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DataSource dataSource, EventCodec codec, OutboxProperties properties, Environment environment,
                  ObjectProvider<Clock> clock, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        String source = properties.source().isBlank()
                ? "urn:portal:" + environment.getProperty("spring.application.name", "service") : properties.source();
        return new Outbox(JdbcClient.create(dataSource), codec, properties.schema(), URI.create(source),
                clock.getIfAvailable(Clock::systemUTC), UUID::randomUUID, traceContext(tracer, propagator));
    }

    @Bean
    @ConditionalOnMissingBean
    Notifications notifications(Outbox outbox, ObjectProvider<Clock> clock) {
        return new Notifications(outbox, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    AggregateEventsToOutbox aggregateEventsToOutbox(Outbox outbox) {
        return new AggregateEventsToOutbox(outbox);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portal.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxProperties properties, DataSourceProperties dataSource, DataSource pool,
                            ProducerFactory<String, byte[]> producerFactory, ObjectProvider<DatabaseMigrations> migrations,
                            ObjectProvider<MeterRegistry> meters) {
        DebeziumSettings.Database database = DebeziumSettings.Database.of(dataSource.determineUrl(),
                dataSource.determineUsername(), dataSource.determinePassword());
        Map<String, Object> producerConfig = new HashMap<>(producerFactory.getConfigurationProperties());
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, producerConfig.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG, "portal") + "-outbox");
        producerConfig.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new OutboxRelay(properties, database,
                // a producer of its own, without observation: the record carries the writer's trace, not the relay's
                () -> new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer()),
                JdbcClient.create(pool), migrations.getIfAvailable(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(DataSource dataSource, OutboxProperties properties,
                                                DataSourceProperties dataSourceProperties, ObjectProvider<OutboxRelay> relay) {
        DebeziumSettings.Database database = DebeziumSettings.Database.of(dataSourceProperties.determineUrl(),
                dataSourceProperties.determineUsername(), dataSourceProperties.determinePassword());
        return new OutboxHealthIndicator(JdbcClient.create(dataSource), relay.getIfAvailable(),
                DebeziumSettings.slotName(properties, database));
    }

    private static Outbox.TraceContext traceContext(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        if (tracer == null || propagator == null) {
            return Outbox.TraceContext.NONE;
        }
        return () -> {
            Span span = tracer.currentSpan();
            if (span == null) {
                return Map.of();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            propagator.inject(span.context(), headers, Map::put);
            return headers;
        };
    }
}
