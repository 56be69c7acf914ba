package dev.portal.clients.salesforce;

import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * The Salesforce session source and REST client, when {@code portal.clients.salesforce.base-url} is set. Token
 * requests and REST calls have separate breakers ({@code salesforce-oauth}, {@code salesforce}).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "portal.clients.salesforce", name = "base-url")
@EnableConfigurationProperties(SalesforceProperties.class)
public class SalesforceClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SalesforceAuth salesforceAuth(SalesforceProperties properties, ObjectProvider<RestClient.Builder> builders,
                                  ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations,
                                  ObjectProvider<Clock> clock) {
        return new OAuthSalesforceAuth(properties, http(SalesforceClient.SYSTEM + "-oauth", properties, builders, meters, observations),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    SalesforceClient salesforceClient(SalesforceAuth auth, SalesforceProperties properties, ObjectProvider<RestClient.Builder> builders,
                                      ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        return new SalesforceClient(auth, http(SalesforceClient.SYSTEM, properties, builders, meters, observations), properties,
                meters.getIfAvailable());
    }

    private static ExternalHttp http(String system, SalesforceProperties properties, ObjectProvider<RestClient.Builder> builders,
                                     ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        ExternalCalls calls = new ExternalCalls(system, properties.http(), meters.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new ExternalHttp(system, properties.baseUrl(), properties.http(), builders.getIfAvailable(RestClient::builder), calls);
    }
}
