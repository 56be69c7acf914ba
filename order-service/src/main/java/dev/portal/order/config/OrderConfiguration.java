package dev.portal.order.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring that is not a feature of its own. The one place the system clock is read; everything else injects it. */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    @Bean
    Clock clock(OrderProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
