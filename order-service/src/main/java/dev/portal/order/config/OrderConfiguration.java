package dev.portal.order.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/** Wiring that is not a feature of its own. The one place the system clock is read; everything else injects it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OrderConfiguration {

    @Bean
    Clock clock(OrderProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /** Checkout ids (the reference an order carries in Salesforce): random UUIDs, injected so tests can fix them. */
    @Bean
    IdGenerator checkoutIds() {
        return new JdkIdGenerator();
    }
}
