package dev.portal.clients.freebit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** A {@link FreebitClient} when {@code portal.clients.freebit.base-url} (or {@code PORTAL_FREEBIT_URL}) is set. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "portal.clients.freebit", name = "base-url")
@EnableConfigurationProperties(FreebitClientProperties.class)
public class FreebitClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FreebitClient freebitClient(FreebitClientProperties properties, ObjectProvider<RestClient.Builder> builders,
                                ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        return new FreebitClient(properties, builders.getIfAvailable(RestClient::builder), meters.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
