package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.salesforce.SalesforceAuth;
import io.micrometer.core.instrument.MeterRegistry;
import org.cometd.client.BayeuxClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The Change Data Capture subscriber factory, active when {@code portal.clients.salesforce.base-url} is set. The
 * token comes from the application's {@link SalesforceAuth} bean (the Salesforce client's OAuth), looked up when
 * the first subscription starts.
 */
@AutoConfiguration
@ConditionalOnClass(BayeuxClient.class)
@ConditionalOnProperty(prefix = "portal.clients.salesforce", name = "base-url")
@EnableConfigurationProperties(SalesforceStreamingProperties.class)
public class SalesforceStreamingAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SalesforceStreaming salesforceStreaming(SalesforceStreamingProperties settings, ObjectProvider<SalesforceAuth> auth,
                                            ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        return new SalesforceStreaming(auth::getObject, settings, meters.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }
}
