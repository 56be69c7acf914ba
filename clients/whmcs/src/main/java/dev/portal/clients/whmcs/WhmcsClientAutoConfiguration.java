package dev.portal.clients.whmcs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** A {@link WhmcsClient} for services that set {@code portal.clients.whmcs.base-url}. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnProperty(prefix = "portal.clients.whmcs", name = "base-url")
@EnableConfigurationProperties(WhmcsProperties.class)
public class WhmcsClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WhmcsClient whmcsClient(WhmcsProperties properties, ObjectProvider<RestClient.Builder> builder,
                            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        return new WhmcsClient(properties, builder.getIfAvailable(RestClient::builder), meters.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
