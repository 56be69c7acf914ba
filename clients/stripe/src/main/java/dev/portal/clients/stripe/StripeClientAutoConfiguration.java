package dev.portal.clients.stripe;

import dev.portal.clients.support.ExternalCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * {@link StripeBilling} and {@link StripeWebhooks} when {@code portal.clients.stripe.api-base} (or
 * {@code PORTAL_STRIPE_API_BASE}) is set. HTTP is stripe-java's own; timeouts come from {@code http.*}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "portal.clients.stripe", name = "api-base")
@EnableConfigurationProperties(StripeClientProperties.class)
public class StripeClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StripeBilling stripeBilling(StripeClientProperties properties, ObjectProvider<MeterRegistry> meters,
                                ObjectProvider<ObservationRegistry> observations) {
        ExternalCalls calls = new ExternalCalls(StripeBilling.SYSTEM, properties.http(), meters.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new StripeBilling(properties, calls);
    }

    @Bean
    @ConditionalOnMissingBean
    StripeWebhooks stripeWebhooks(StripeClientProperties properties, ObjectProvider<Clock> clock) {
        return new StripeWebhooks(properties.webhookSecret(), properties.webhookTolerance(), clock.getIfAvailable(Clock::systemUTC));
    }
}
