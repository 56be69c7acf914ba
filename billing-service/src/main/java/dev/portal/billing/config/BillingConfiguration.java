package dev.portal.billing.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wiring that is not a feature of its own. The one place the system clock is read; everything else injects it.
 * Scheduling is on for the shared cache's pruning.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BillingConfiguration {

    @Bean
    Clock clock(BillingProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
