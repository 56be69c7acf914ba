package dev.portal.notification.config;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring that is not a feature of its own. The one place the system clock is read; everything else injects it. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Clock clock(NotificationProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /** Spreads the reconnections of a stopping instance's clients. */
    @Bean
    RandomGenerator random() {
        return new SplittableRandom();
    }
}
